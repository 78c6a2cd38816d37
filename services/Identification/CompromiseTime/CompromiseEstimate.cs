using CredIr.Contracts.V1;

namespace CredIr.Identification.CompromiseTime;

/// <summary>The proposed start of the compromise window, on what basis, and why.</summary>
public sealed record CompromiseEstimate(DateTimeOffset? Start, CompromiseTimeBasis Basis, string Explanation)
{
    /// <summary>The use the proposal rests on, when the basis is the first suspicious use.</summary>
    public SuspiciousUse? FirstSuspiciousUse { get; init; }

    /// <summary>Every use flagged, in time order (bounded by the estimator's limit).</summary>
    public IReadOnlyList<SuspiciousUse> SuspiciousUses { get; init; } = [];

    public int RecordsExamined { get; init; }
}

using CredIr.Contracts.V1;

namespace CredIr.Identification.Resolution;

/// <summary>Every credential an input resolved to, the accounts involved, and what could not be resolved.</summary>
public sealed record ResolutionResult(IReadOnlyList<ResolvedCredential> Credentials, IReadOnlyList<string> AccountIds, IReadOnlyList<string> Warnings)
{
    /// <summary>Each account-region whose trail could not be read, once.</summary>
    public IReadOnlyList<SourceGap> Gaps { get; init; } = [];
}

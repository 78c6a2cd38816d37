using CredIr.Contracts.V1;

namespace CredIr.Incidents.Phases;

/// <summary>What the coordinator's containment verification found: the verdict (null when none came) and the keys used with success.</summary>
internal sealed record ContainmentCheck(VerificationResult? Result, IReadOnlyList<string> UsedKeys)
{
    public bool Held => Result?.Verdict != VerificationVerdict.StillActive;
}

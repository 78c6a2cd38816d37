namespace CredIr.Incidents.Evidence;

/// <summary>What the evidence log keeps about a change to the incident document.</summary>
internal sealed record EvidenceChangePayload(long Version, string Phase, string RequestId);

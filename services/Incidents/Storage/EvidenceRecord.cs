namespace CredIr.Incidents.Storage;

/// <summary>One row of an incident's hash-chained evidence log.</summary>
internal sealed record EvidenceRecord(
    string IncidentId,
    long Sequence,
    DateTimeOffset At,
    string Kind,
    string Summary,
    string PayloadJson,
    string PreviousHash,
    string Hash);

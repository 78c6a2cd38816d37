namespace CredIr.Incidents.Storage;

/// <summary>
/// Where a scan of one account-region (and segment, e.g. one credential) got to, so a restarted
/// coordinator resumes from the next page instead of the start.
/// </summary>
internal sealed record ScanCheckpointRecord(
    string IncidentId,
    string Key,
    string AccountId,
    string Region,
    string Segment,
    string? NextToken,
    bool Done,
    DateTimeOffset UpdatedAt);

namespace CredIr.Recovery.Cmdb;

/// <summary>
/// One change recovery made to a resource, for the CMDB (playbook Part 5: "ensure the CMDB is correctly updated
/// to reflect the current status of all affected resources"). Keyed by incident and step, so a replay records nothing twice.
/// </summary>
public sealed record CmdbChange(
    string IncidentId,
    string RequestId,
    string StepId,
    string ResourceArn,
    string ResourceType,
    string Action,
    string Description,
    string Strategy,
    string? BackupReference,
    DateTimeOffset ChangedAt);

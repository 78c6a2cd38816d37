namespace CredIr.Aws;

/// <summary>A finding, its key fields and the raw JSON as GuardDuty returned it.</summary>
public sealed record GuardDutyFinding(string Id, string Type, double Severity, string AccountId, string Region, string? Title, DateTimeOffset? CreatedAt, DateTimeOffset? UpdatedAt, string? AccessKeyId, string? PrincipalId, string? UserName, DateTimeOffset? EventFirstSeen, DateTimeOffset? EventLastSeen, string RawJson);

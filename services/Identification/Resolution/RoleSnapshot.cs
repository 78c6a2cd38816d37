namespace CredIr.Identification.Resolution;

/// <summary>An IAM role as IAM describes it.</summary>
public sealed record RoleSnapshot(
    string AccountId,
    string RoleName,
    string RoleId,
    string Arn,
    DateTimeOffset? CreatedAt,
    int? MaxSessionDurationSeconds,
    DateTimeOffset? LastUsedAt,
    string? LastUsedRegion);

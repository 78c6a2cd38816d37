namespace CredIr.Identification.Resolution;

/// <summary>An access key as IAM describes it (never its secret), with its last use.</summary>
public sealed record AccessKeySnapshot(
    string AccessKeyId,
    string Status,
    DateTimeOffset? CreatedAt,
    DateTimeOffset? LastUsedAt,
    string? LastUsedService,
    string? LastUsedRegion);

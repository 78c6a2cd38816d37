namespace CredIr.Aws;

/// <summary>An access key, without its secret.</summary>
public sealed record IamAccessKeyMetadata(string? UserName, string AccessKeyId, AccessKeyStatus Status, DateTimeOffset? CreateDate);

namespace CredIr.Aws;

/// <summary>When, where and with which service an access key was last used (null date: never).</summary>
public sealed record IamAccessKeyLastUsed(DateTimeOffset? LastUsedDate, string? ServiceName, string? Region);

namespace CredIr.Aws;

/// <summary>An object.</summary>
public sealed record S3Object(string Key, long Size, DateTimeOffset? LastModified, string? ETag, string? StorageClass);

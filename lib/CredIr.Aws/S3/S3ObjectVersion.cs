namespace CredIr.Aws;

/// <summary>A version of an object, or a delete marker.</summary>
public sealed record S3ObjectVersion(string Key, string VersionId, bool IsLatest, bool IsDeleteMarker, DateTimeOffset? LastModified, long Size, string? ETag);

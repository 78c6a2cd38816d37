namespace CredIr.Aws;

/// <summary>Copies an object (restoring an older version when SourceVersionId is given).</summary>
public sealed record CopyObjectRequest(string Bucket, string Key, string SourceBucket, string SourceKey, string? SourceVersionId = null);

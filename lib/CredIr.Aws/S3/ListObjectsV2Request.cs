namespace CredIr.Aws;

/// <summary>Lists objects.</summary>
public sealed record ListObjectsV2Request(string Bucket, string? Prefix = null, string? Delimiter = null, int? MaxKeys = null);

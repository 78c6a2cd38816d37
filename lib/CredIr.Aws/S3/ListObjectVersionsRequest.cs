namespace CredIr.Aws;

/// <summary>Lists object versions and delete markers.</summary>
public sealed record ListObjectVersionsRequest(string Bucket, string? Prefix = null, int? MaxKeys = null);

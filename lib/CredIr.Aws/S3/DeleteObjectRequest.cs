namespace CredIr.Aws;

/// <summary>Deletes an object (or one version of it).</summary>
public sealed record DeleteObjectRequest(string Bucket, string Key, string? VersionId = null);

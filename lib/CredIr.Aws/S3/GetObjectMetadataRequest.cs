namespace CredIr.Aws;

/// <summary>Reads an object's metadata (HEAD), not its content.</summary>
public sealed record GetObjectMetadataRequest(string Bucket, string Key, string? VersionId = null);

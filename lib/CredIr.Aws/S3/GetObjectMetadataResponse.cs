namespace CredIr.Aws;

/// <summary>An object's metadata.</summary>
public sealed record GetObjectMetadataResponse(long ContentLength, string? ContentType, string? ETag, DateTimeOffset? LastModified, string? VersionId, IReadOnlyDictionary<string, string> Metadata, string? RequestId);

namespace CredIr.Aws;

/// <summary>The stored object's ETag and version.</summary>
public sealed record PutObjectResponse(string? ETag, string? VersionId, string? RequestId);

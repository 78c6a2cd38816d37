namespace CredIr.Aws;

/// <summary>The copy's ETag and version.</summary>
public sealed record CopyObjectResponse(string? ETag, string? VersionId, DateTimeOffset? LastModified, string? RequestId);

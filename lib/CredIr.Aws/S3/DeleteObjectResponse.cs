namespace CredIr.Aws;

/// <summary>Whether a delete marker was made, and its version.</summary>
public sealed record DeleteObjectResponse(bool DeleteMarker, string? VersionId, string? RequestId);

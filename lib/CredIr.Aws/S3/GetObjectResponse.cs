namespace CredIr.Aws;

/// <summary>An object's content (the whole body: CloudTrail log files are small) and its metadata.</summary>
public sealed record GetObjectResponse(ReadOnlyMemory<byte> Body, string? ContentType, string? ETag, string? RequestId);

namespace CredIr.Aws;

/// <summary>The caller's buckets.</summary>
public sealed record ListBucketsResponse(IReadOnlyList<S3Bucket> Buckets, string? OwnerId, string? RequestId);

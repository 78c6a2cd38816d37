namespace CredIr.Aws;

/// <summary>A bucket's versioning (Status null when never enabled).</summary>
public sealed record GetBucketVersioningResponse(string? Status, string? MfaDelete, string? RequestId);

namespace CredIr.Aws;

/// <summary>A bucket's region (S3 answers an empty LocationConstraint for us-east-1; this holds "us-east-1" then).</summary>
public sealed record GetBucketLocationResponse(string Region, string? RequestId);

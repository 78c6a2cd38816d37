namespace CredIr.Aws;

/// <summary>Removes a bucket's policy.</summary>
public sealed record DeleteBucketPolicyRequest(string Bucket);

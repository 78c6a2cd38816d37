namespace CredIr.Aws;

/// <summary>Asks for a bucket's policy (NoSuchBucketPolicy when it has none).</summary>
public sealed record GetBucketPolicyRequest(string Bucket);

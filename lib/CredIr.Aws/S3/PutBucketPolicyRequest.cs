namespace CredIr.Aws;

/// <summary>Replaces a bucket's resource-based policy (a JSON document).</summary>
public sealed record PutBucketPolicyRequest(string Bucket, string Policy);

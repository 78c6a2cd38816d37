namespace CredIr.Aws;

/// <summary>Creates a bucket in the client's region.</summary>
public sealed record CreateBucketRequest(string Bucket);

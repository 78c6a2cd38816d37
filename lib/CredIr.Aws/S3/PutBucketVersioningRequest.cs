namespace CredIr.Aws;

/// <summary>Turns versioning on (Enabled) or pauses it (Suspended).</summary>
public sealed record PutBucketVersioningRequest(string Bucket, string Status);

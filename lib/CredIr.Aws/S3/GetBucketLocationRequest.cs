namespace CredIr.Aws;

/// <summary>Asks in which region a bucket lives.</summary>
public sealed record GetBucketLocationRequest(string Bucket);

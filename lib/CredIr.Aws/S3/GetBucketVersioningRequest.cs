namespace CredIr.Aws;

/// <summary>Asks whether a bucket keeps versions.</summary>
public sealed record GetBucketVersioningRequest(string Bucket);

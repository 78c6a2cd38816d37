namespace CredIr.Aws;

/// <summary>Asks for a bucket's tag set (NoSuchTagSet when it has none).</summary>
public sealed record GetBucketTaggingRequest(string Bucket);

namespace CredIr.Aws;

/// <summary>Replaces a bucket's whole tag set.</summary>
public sealed record PutBucketTaggingRequest(string Bucket, IReadOnlyDictionary<string, string> Tags);

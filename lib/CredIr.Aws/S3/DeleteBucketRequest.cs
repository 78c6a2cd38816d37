namespace CredIr.Aws;

/// <summary>Deletes an empty bucket.</summary>
public sealed record DeleteBucketRequest(string Bucket);

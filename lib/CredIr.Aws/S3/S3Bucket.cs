namespace CredIr.Aws;

/// <summary>A bucket.</summary>
public sealed record S3Bucket(string Name, DateTimeOffset? CreationDate);

namespace CredIr.Aws;

/// <summary>Stores an object.</summary>
public sealed record PutObjectRequest(string Bucket, string Key, ReadOnlyMemory<byte> Body, string? ContentType = null);

namespace CredIr.Aws;

/// <summary>Reads an object's content.</summary>
public sealed record GetObjectRequest(string Bucket, string Key);

namespace CredIr.Aws;

/// <summary>Deletes an access key.</summary>
public sealed record DeleteAccessKeyRequest(string AccessKeyId, string? UserName = null);

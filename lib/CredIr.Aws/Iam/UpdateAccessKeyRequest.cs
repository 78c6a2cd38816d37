namespace CredIr.Aws;

/// <summary>Sets an access key Active or Inactive.</summary>
public sealed record UpdateAccessKeyRequest(string AccessKeyId, AccessKeyStatus Status, string? UserName = null);

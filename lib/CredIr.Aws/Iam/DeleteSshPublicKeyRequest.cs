namespace CredIr.Aws;

/// <summary>Deletes a user's SSH public key.</summary>
public sealed record DeleteSshPublicKeyRequest(string UserName, string SshPublicKeyId);

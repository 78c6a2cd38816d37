namespace CredIr.Aws;

/// <summary>The SSH public key uploaded.</summary>
public sealed record UploadSshPublicKeyResponse(IamSshPublicKey SshPublicKey, string? RequestId);

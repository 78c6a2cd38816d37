namespace CredIr.Aws;

/// <summary>Uploads an SSH public key (ssh-rsa or PEM) for a user.</summary>
public sealed record UploadSshPublicKeyRequest(string UserName, string SshPublicKeyBody);

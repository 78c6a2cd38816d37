namespace CredIr.Aws;

/// <summary>A user's SSH public key for CodeCommit (its body left out).</summary>
public sealed record IamSshPublicKey(string UserName, string SshPublicKeyId, string Status, DateTimeOffset? UploadDate);

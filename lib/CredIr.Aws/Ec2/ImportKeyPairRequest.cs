namespace CredIr.Aws;

/// <summary>Registers the caller's own public key (OpenSSH format, e.g. "ssh-rsa AAAA... comment") as a key pair.</summary>
public sealed record ImportKeyPairRequest(string KeyName, string PublicKeyMaterial, IReadOnlyList<Ec2Tag>? Tags = null);

namespace CredIr.Aws;

/// <summary>Creates a key pair whose private key EC2 returns once: KeyType "rsa" (the default) or "ed25519".</summary>
public sealed record CreateKeyPairRequest(string KeyName, string? KeyType = null, IReadOnlyList<Ec2Tag>? Tags = null);

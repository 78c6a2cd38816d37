namespace CredIr.Aws;

/// <summary>A key pair as EC2 describes it (PublicKey only when asked for with IncludePublicKey).</summary>
public sealed record Ec2KeyPair(string KeyPairId, string KeyName, string? KeyFingerprint, string? KeyType, DateTimeOffset? CreateTime, string? PublicKey, IReadOnlyList<Ec2Tag> Tags);

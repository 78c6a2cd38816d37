namespace CredIr.Sandbox.Model;

/// <summary>An EC2 key pair of one region: made by EC2 (CreateKeyPair) or from the caller's public key (ImportKeyPair).</summary>
internal sealed class Ec2KeyPair(string id, string name, string region, string keyType, string fingerprint, DateTimeOffset created)
{
    public string Id { get; } = id;
    public string Name { get; } = name;
    public string Region { get; } = region;
    public string KeyType { get; } = keyType;
    public string Fingerprint { get; } = fingerprint;
    public DateTimeOffset Created { get; } = created;
    /// <summary>The OpenSSH public key for an imported pair (DescribeKeyPairs IncludePublicKey).</summary>
    public string? PublicKey { get; init; }
    public Dictionary<string, string> Tags { get; } = new(StringComparer.Ordinal);
}

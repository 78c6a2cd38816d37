namespace CredIr.Aws;

/// <summary>The imported key pair's id and fingerprint.</summary>
public sealed record ImportKeyPairResponse(Ec2KeyPair KeyPair, string? RequestId);

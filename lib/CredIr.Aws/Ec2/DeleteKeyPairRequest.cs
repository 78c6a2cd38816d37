namespace CredIr.Aws;

/// <summary>Deletes a key pair by name (EC2 succeeds whether or not it exists).</summary>
public sealed record DeleteKeyPairRequest(string KeyName);

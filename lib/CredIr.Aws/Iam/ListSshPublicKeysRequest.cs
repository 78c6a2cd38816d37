namespace CredIr.Aws;

/// <summary>Lists a user's SSH public keys.</summary>
public sealed record ListSshPublicKeysRequest(string UserName);

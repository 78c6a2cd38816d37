namespace CredIr.Aws;

/// <summary>Creates an access key (for the caller when no name is given).</summary>
public sealed record CreateAccessKeyRequest(string? UserName = null);

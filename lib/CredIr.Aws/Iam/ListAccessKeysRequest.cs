namespace CredIr.Aws;

/// <summary>Lists a user's access keys (the caller's when no name is given).</summary>
public sealed record ListAccessKeysRequest(string? UserName = null);

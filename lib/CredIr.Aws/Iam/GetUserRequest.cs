namespace CredIr.Aws;

/// <summary>Gets a user (the caller when no name is given).</summary>
public sealed record GetUserRequest(string? UserName = null);

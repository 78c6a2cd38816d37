namespace CredIr.Aws;

/// <summary>Creates a user.</summary>
public sealed record CreateUserRequest(string UserName, string? Path = null);

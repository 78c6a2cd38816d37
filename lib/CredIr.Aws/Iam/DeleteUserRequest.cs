namespace CredIr.Aws;

/// <summary>Deletes a user (which must have no keys, profile, policies or groups left).</summary>
public sealed record DeleteUserRequest(string UserName);

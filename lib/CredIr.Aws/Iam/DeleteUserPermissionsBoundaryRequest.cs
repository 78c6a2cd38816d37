namespace CredIr.Aws;

/// <summary>Removes a user's permissions boundary.</summary>
public sealed record DeleteUserPermissionsBoundaryRequest(string UserName);

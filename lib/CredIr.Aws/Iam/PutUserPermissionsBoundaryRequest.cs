namespace CredIr.Aws;

/// <summary>Sets the managed policy (ARN) that caps a user's permissions.</summary>
public sealed record PutUserPermissionsBoundaryRequest(string UserName, string PermissionsBoundary);

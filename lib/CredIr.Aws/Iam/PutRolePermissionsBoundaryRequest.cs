namespace CredIr.Aws;

/// <summary>Sets the managed policy (ARN) that caps a role's permissions.</summary>
public sealed record PutRolePermissionsBoundaryRequest(string RoleName, string PermissionsBoundary);

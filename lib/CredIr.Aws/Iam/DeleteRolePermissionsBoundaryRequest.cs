namespace CredIr.Aws;

/// <summary>Removes a role's permissions boundary.</summary>
public sealed record DeleteRolePermissionsBoundaryRequest(string RoleName);

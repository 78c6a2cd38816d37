namespace CredIr.Aws;

/// <summary>Gets a role.</summary>
public sealed record GetRoleRequest(string RoleName);

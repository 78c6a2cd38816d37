namespace CredIr.Aws;

/// <summary>Lists the instance profiles that carry a role.</summary>
public sealed record ListInstanceProfilesForRoleRequest(string RoleName);

namespace CredIr.Aws;

/// <summary>Lists the names of a role's inline policies.</summary>
public sealed record ListRolePoliciesRequest(string RoleName);

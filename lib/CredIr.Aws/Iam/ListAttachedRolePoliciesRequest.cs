namespace CredIr.Aws;

/// <summary>Lists the managed policies attached to a role.</summary>
public sealed record ListAttachedRolePoliciesRequest(string RoleName);

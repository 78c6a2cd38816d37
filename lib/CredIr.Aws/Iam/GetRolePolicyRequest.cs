namespace CredIr.Aws;

/// <summary>Gets an inline policy of a role.</summary>
public sealed record GetRolePolicyRequest(string RoleName, string PolicyName);

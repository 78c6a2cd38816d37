namespace CredIr.Aws;

/// <summary>Deletes an inline policy of a role.</summary>
public sealed record DeleteRolePolicyRequest(string RoleName, string PolicyName);

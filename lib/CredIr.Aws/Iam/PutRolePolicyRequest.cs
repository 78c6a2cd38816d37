namespace CredIr.Aws;

/// <summary>Adds or replaces an inline policy of a role.</summary>
public sealed record PutRolePolicyRequest(string RoleName, string PolicyName, string PolicyDocument);

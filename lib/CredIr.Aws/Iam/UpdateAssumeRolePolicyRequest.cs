namespace CredIr.Aws;

/// <summary>Replaces a role's trust policy.</summary>
public sealed record UpdateAssumeRolePolicyRequest(string RoleName, string PolicyDocument);

namespace CredIr.Aws;

/// <summary>Detaches a managed policy from a role.</summary>
public sealed record DetachRolePolicyRequest(string RoleName, string PolicyArn);

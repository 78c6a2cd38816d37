namespace CredIr.Aws;

/// <summary>Attaches a managed policy to a role.</summary>
public sealed record AttachRolePolicyRequest(string RoleName, string PolicyArn);

namespace CredIr.Aws;

/// <summary>Detaches a managed policy from a user.</summary>
public sealed record DetachUserPolicyRequest(string UserName, string PolicyArn);

namespace CredIr.Aws;

/// <summary>Detaches a managed policy from a group.</summary>
public sealed record DetachGroupPolicyRequest(string GroupName, string PolicyArn);

namespace CredIr.Aws;

/// <summary>Gets a managed policy.</summary>
public sealed record GetPolicyRequest(string PolicyArn);

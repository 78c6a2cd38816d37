namespace CredIr.Aws;

/// <summary>Attaches a managed policy to a user.</summary>
public sealed record AttachUserPolicyRequest(string UserName, string PolicyArn);

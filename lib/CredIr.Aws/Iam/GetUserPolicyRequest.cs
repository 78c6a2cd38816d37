namespace CredIr.Aws;

/// <summary>Gets an inline policy of a user.</summary>
public sealed record GetUserPolicyRequest(string UserName, string PolicyName);

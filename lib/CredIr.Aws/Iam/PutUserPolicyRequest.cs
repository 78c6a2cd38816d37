namespace CredIr.Aws;

/// <summary>Adds or replaces an inline policy of a user.</summary>
public sealed record PutUserPolicyRequest(string UserName, string PolicyName, string PolicyDocument);

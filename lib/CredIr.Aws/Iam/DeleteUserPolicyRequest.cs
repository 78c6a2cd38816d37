namespace CredIr.Aws;

/// <summary>Deletes an inline policy of a user.</summary>
public sealed record DeleteUserPolicyRequest(string UserName, string PolicyName);

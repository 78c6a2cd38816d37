namespace CredIr.Aws;

/// <summary>Lists the managed policies attached to a user.</summary>
public sealed record ListAttachedUserPoliciesRequest(string UserName);

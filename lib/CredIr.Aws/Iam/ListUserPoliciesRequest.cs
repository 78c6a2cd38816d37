namespace CredIr.Aws;

/// <summary>Lists the names of a user's inline policies.</summary>
public sealed record ListUserPoliciesRequest(string UserName);

namespace CredIr.Aws;

/// <summary>Lists the managed policies attached to a group.</summary>
public sealed record ListAttachedGroupPoliciesRequest(string GroupName);

namespace CredIr.Aws;

/// <summary>Lists the users, groups and roles a managed policy is attached to.</summary>
public sealed record ListEntitiesForPolicyRequest(string PolicyArn);

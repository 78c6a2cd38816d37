namespace CredIr.Aws;

/// <summary>A managed policy attached to a user, group or role.</summary>
public sealed record IamAttachedPolicy(string PolicyName, string PolicyArn);

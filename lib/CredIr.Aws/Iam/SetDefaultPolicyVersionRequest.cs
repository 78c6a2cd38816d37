namespace CredIr.Aws;

/// <summary>Makes a version the default (effective) one.</summary>
public sealed record SetDefaultPolicyVersionRequest(string PolicyArn, string VersionId);

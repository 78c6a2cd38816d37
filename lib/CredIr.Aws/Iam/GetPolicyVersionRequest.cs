namespace CredIr.Aws;

/// <summary>Gets a version of a managed policy.</summary>
public sealed record GetPolicyVersionRequest(string PolicyArn, string VersionId);

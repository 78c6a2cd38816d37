namespace CredIr.Aws;

/// <summary>Deletes a non-default version of a managed policy.</summary>
public sealed record DeletePolicyVersionRequest(string PolicyArn, string VersionId);

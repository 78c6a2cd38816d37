namespace CredIr.Aws;

/// <summary>Creates a version of a managed policy.</summary>
public sealed record CreatePolicyVersionRequest(string PolicyArn, string PolicyDocument, bool SetAsDefault);

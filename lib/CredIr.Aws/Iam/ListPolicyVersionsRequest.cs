namespace CredIr.Aws;

/// <summary>Lists the versions of a managed policy.</summary>
public sealed record ListPolicyVersionsRequest(string PolicyArn);

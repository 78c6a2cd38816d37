namespace CredIr.Aws;

/// <summary>A version of a managed policy.</summary>
public sealed record PolicyVersionResponse(IamPolicyVersion PolicyVersion, string? RequestId);

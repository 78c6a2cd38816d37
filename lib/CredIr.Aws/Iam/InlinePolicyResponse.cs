namespace CredIr.Aws;

/// <summary>An inline policy of a user or role, its document URL-decoded.</summary>
public sealed record InlinePolicyResponse(string OwnerName, string PolicyName, string PolicyDocument, string? RequestId);

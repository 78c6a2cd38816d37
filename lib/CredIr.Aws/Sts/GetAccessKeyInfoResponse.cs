namespace CredIr.Aws;

/// <summary>The account an access key belongs to.</summary>
public sealed record GetAccessKeyInfoResponse(string Account, string? RequestId);

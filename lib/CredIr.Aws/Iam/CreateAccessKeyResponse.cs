namespace CredIr.Aws;

/// <summary>The access key created, with its secret (shown once, never printed).</summary>
public sealed record CreateAccessKeyResponse(IamAccessKey AccessKey, string? RequestId);

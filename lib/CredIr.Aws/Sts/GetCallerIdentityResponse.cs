namespace CredIr.Aws;

/// <summary>Who the credentials belong to.</summary>
public sealed record GetCallerIdentityResponse(string UserId, string Account, string Arn, string? RequestId);

namespace CredIr.Aws;

/// <summary>A session made from the caller's long-term credentials.</summary>
public sealed record GetSessionTokenResponse(AwsTemporaryCredentials Credentials, string? RequestId);

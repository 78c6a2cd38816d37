namespace CredIr.Aws;

/// <summary>The session of an assumed role.</summary>
public sealed record AssumeRoleResponse(AwsTemporaryCredentials Credentials, string AssumedRoleId, string AssumedRoleArn, string? RequestId);

namespace CredIr.Aws;

/// <summary>A federated user's session and who it is (arn:aws:sts::ACCOUNT:federated-user/NAME).</summary>
public sealed record GetFederationTokenResponse(AwsTemporaryCredentials Credentials, string FederatedUserId, string FederatedUserArn, string? RequestId);

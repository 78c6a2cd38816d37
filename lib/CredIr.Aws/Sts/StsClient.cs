using System.Xml.Linq;
using Amazon.Runtime;

namespace CredIr.Aws;

/// <summary>AWS STS (query protocol, regional endpoint). Thread-safe; keep one per credentials and region.</summary>
public sealed class StsClient
{
    private const string Version = "2011-06-15";
    private readonly AwsChannel _channel;

    /// <summary>Creates the client.</summary>
    public StsClient(AwsRuntime runtime, AWSCredentials credentials, string region, string? accountId = null)
    {
        _channel = new AwsChannel(runtime, AwsServiceInfo.Sts, credentials, region, accountId);
    }

    /// <summary>Who the credentials belong to (works even with no permissions at all).</summary>
    public async Task<GetCallerIdentityResponse> GetCallerIdentityAsync(CancellationToken cancellationToken = default)
    {
        var (result, requestId) = await SendAsync(new QueryRequest("GetCallerIdentity", Version), cancellationToken).ConfigureAwait(false);
        return new GetCallerIdentityResponse(result.Required("UserId"), result.Required("Account"), result.Required("Arn"), requestId);
    }

    /// <summary>The account an access key belongs to, whoever owns the key.</summary>
    public async Task<GetAccessKeyInfoResponse> GetAccessKeyInfoAsync(GetAccessKeyInfoRequest request, CancellationToken cancellationToken = default)
    {
        var query = new QueryRequest("GetAccessKeyInfo", Version).Add("AccessKeyId", request.AccessKeyId);
        var (result, requestId) = await SendAsync(query, cancellationToken).ConfigureAwait(false);
        return new GetAccessKeyInfoResponse(result.Required("Account"), requestId);
    }

    /// <summary>Assumes a role.</summary>
    public async Task<AssumeRoleResponse> AssumeRoleAsync(AssumeRoleRequest request, CancellationToken cancellationToken = default)
    {
        var query = new QueryRequest("AssumeRole", Version)
            .Add("RoleArn", request.RoleArn)
            .Add("RoleSessionName", request.RoleSessionName)
            .Add("ExternalId", request.ExternalId)
            .Add("DurationSeconds", request.DurationSeconds)
            .Add("Policy", request.Policy);
        var (result, requestId) = await SendAsync(query, cancellationToken).ConfigureAwait(false);
        var user = result.Child("AssumedRoleUser") ?? throw new FormatException("AssumeRole returned no AssumedRoleUser.");
        return new AssumeRoleResponse(ReadCredentials(result), user.Required("AssumedRoleId"), user.Required("Arn"), requestId);
    }

    /// <summary>A session for the caller's long-term credentials (with MFA when SerialNumber and TokenCode are given).</summary>
    public async Task<GetSessionTokenResponse> GetSessionTokenAsync(GetSessionTokenRequest? request = null, CancellationToken cancellationToken = default)
    {
        request ??= new GetSessionTokenRequest();
        var query = new QueryRequest("GetSessionToken", Version)
            .Add("DurationSeconds", request.DurationSeconds)
            .Add("SerialNumber", request.SerialNumber)
            .Add("TokenCode", request.TokenCode);
        var (result, requestId) = await SendAsync(query, cancellationToken).ConfigureAwait(false);
        return new GetSessionTokenResponse(ReadCredentials(result), requestId);
    }

    /// <summary>A federated user's session; only an IAM user's long-term credentials may ask for one.</summary>
    public async Task<GetFederationTokenResponse> GetFederationTokenAsync(GetFederationTokenRequest request, CancellationToken cancellationToken = default)
    {
        var query = new QueryRequest("GetFederationToken", Version)
            .Add("Name", request.Name)
            .Add("Policy", request.Policy)
            .Add("DurationSeconds", request.DurationSeconds);
        var (result, requestId) = await SendAsync(query, cancellationToken).ConfigureAwait(false);
        var user = result.Child("FederatedUser") ?? throw new FormatException("GetFederationToken returned no FederatedUser.");
        return new GetFederationTokenResponse(ReadCredentials(result), user.Required("FederatedUserId"), user.Required("Arn"), requestId);
    }

    private static AwsTemporaryCredentials ReadCredentials(XElement result)
    {
        var credentials = result.Child("Credentials") ?? throw new FormatException("STS returned no Credentials.");
        return new AwsTemporaryCredentials(
            credentials.Required("AccessKeyId"),
            credentials.Required("SecretAccessKey"),
            credentials.Required("SessionToken"),
            credentials.Time("Expiration") ?? throw new FormatException("STS returned credentials without an Expiration."));
    }

    private async Task<(XElement Result, string? RequestId)> SendAsync(QueryRequest query, CancellationToken cancellationToken)
    {
        var response = await _channel.SendAsync(query.Build(), cancellationToken).ConfigureAwait(false);
        var result = Xml.QueryResult(response, query.Action);
        return (result, Xml.RequestId(result, response));
    }
}

using System.Runtime.CompilerServices;
using Amazon.Runtime;

namespace CredIr.Aws;

/// <summary>AWS Organizations (JSON 1.1, the partition's global endpoint). Thread-safe.</summary>
public sealed class OrganizationsClient
{
    private const string Target = "AWSOrganizationsV20161128";
    private readonly AwsChannel _channel;

    /// <summary>Creates the client.</summary>
    public OrganizationsClient(AwsRuntime runtime, AWSCredentials credentials, string region, string? accountId = null)
    {
        _channel = new AwsChannel(runtime, AwsServiceInfo.Organizations, credentials, region, accountId);
    }

    /// <summary>The organization of the caller's account.</summary>
    public async Task<DescribeOrganizationResponse> DescribeOrganizationAsync(CancellationToken cancellationToken = default)
    {
        var response = await _channel.SendAsync(Json.Target(Target, "DescribeOrganization", Json.Object()), cancellationToken).ConfigureAwait(false);
        using var doc = Json.Parse(response);
        var o = doc.RootElement.Prop("Organization") ?? throw new FormatException("DescribeOrganization returned no Organization.");
        return new DescribeOrganizationResponse(
            new OrganizationInfo(o.Required("Id"), o.Required("Arn"), o.Str("MasterAccountId"), o.Str("MasterAccountArn"), o.Str("MasterAccountEmail"), o.Str("FeatureSet")),
            response.RequestId);
    }

    /// <summary>
    /// Every account of the organization. Organizations may return an empty page that still
    /// carries a NextToken: the listing ends only when no token comes back.
    /// </summary>
    public async IAsyncEnumerable<OrganizationAccount> ListAccountsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? token = null;
        do
        {
            var body = Json.Object().Set("NextToken", token);
            var response = await _channel.SendAsync(Json.Target(Target, "ListAccounts", body), cancellationToken).ConfigureAwait(false);
            using var doc = Json.Parse(response);
            foreach (var a in doc.RootElement.Array("Accounts"))
            {
                yield return new OrganizationAccount(
                    a.Required("Id"), a.Str("Arn") ?? string.Empty, a.Str("Name") ?? string.Empty, a.Str("Email"),
                    a.Str("Status") ?? "ACTIVE", a.Str("JoinedMethod"), a.Time("JoinedTimestamp"));
            }

            token = doc.RootElement.Str("NextToken");
        }
        while (!string.IsNullOrEmpty(token));
    }
}

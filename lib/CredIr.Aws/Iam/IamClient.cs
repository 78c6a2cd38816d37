using System.Runtime.CompilerServices;
using System.Xml.Linq;
using Amazon.Runtime;

namespace CredIr.Aws;

/// <summary>
/// AWS IAM (query protocol, the partition's global endpoint, per-account rate limit).
/// Thread-safe; keep one per account. List operations page through Marker/IsTruncated.
/// </summary>
public sealed partial class IamClient
{
    private const string Version = "2010-05-08";
    private readonly AwsChannel _channel;

    /// <summary>Creates the client.</summary>
    public IamClient(AwsRuntime runtime, AWSCredentials credentials, string region, string? accountId = null)
    {
        _channel = new AwsChannel(runtime, AwsServiceInfo.Iam, credentials, region, accountId);
    }

    private static QueryRequest Query(string action) => new(action, Version);

    private async Task<(XElement Result, string? RequestId)> SendAsync(QueryRequest query, CancellationToken cancellationToken)
    {
        var response = await _channel.SendAsync(query.Build(AwsRateLimit.Iam), cancellationToken).ConfigureAwait(false);
        var result = Xml.QueryResult(response, query.Action);
        return (result, Xml.RequestId(result, response));
    }

    private async Task<T> SendOneAsync<T>(QueryRequest query, string element, Func<XElement, string?, T> map, CancellationToken cancellationToken)
    {
        var (result, requestId) = await SendAsync(query, cancellationToken).ConfigureAwait(false);
        var item = result.Child(element) ?? throw new FormatException($"IAM {query.Action} returned no <{element}>.");
        return map(item, requestId);
    }

    private async Task<AwsResult> SendEmptyAsync(QueryRequest query, CancellationToken cancellationToken)
    {
        var (_, requestId) = await SendAsync(query, cancellationToken).ConfigureAwait(false);
        return new AwsResult(requestId);
    }

    private async IAsyncEnumerable<T> PageAsync<T>(
        Func<QueryRequest> build, string listName, Func<XElement, T> map, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? marker = null;
        do
        {
            var (result, _) = await SendAsync(build().Add("Marker", marker), cancellationToken).ConfigureAwait(false);
            foreach (var item in result.Items(listName))
            {
                yield return map(item);
            }

            marker = result.Bool("IsTruncated") ? result.Str("Marker") : null;
        }
        while (marker is not null);
    }
}

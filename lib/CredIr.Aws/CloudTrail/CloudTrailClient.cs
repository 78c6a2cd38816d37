using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.Runtime;

namespace CredIr.Aws;

/// <summary>
/// AWS CloudTrail (JSON 1.1). LookupEvents waits on a token bucket per account and region
/// (2 requests/s by default, as AWS allows). Thread-safe; keep one per account and region.
/// </summary>
public sealed class CloudTrailClient
{
    private const string Target = "com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101";
    private readonly AwsChannel _channel;

    /// <summary>Creates the client.</summary>
    public CloudTrailClient(AwsRuntime runtime, AWSCredentials credentials, string region, string? accountId = null)
    {
        _channel = new AwsChannel(runtime, AwsServiceInfo.CloudTrail, credentials, region, accountId);
    }

    /// <summary>
    /// The pages of a lookup, newest events first, starting at request.NextToken (a checkpoint)
    /// and following NextToken, empty pages included, until CloudTrail gives none.
    /// </summary>
    public async IAsyncEnumerable<LookupEventsPage> LookupEventsPagesAsync(
        LookupEventsRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var token = request.NextToken;
        do
        {
            var page = await LookupEventsPageAsync(request with { NextToken = token }, cancellationToken).ConfigureAwait(false);
            yield return page;
            token = page.NextToken;
        }
        while (!string.IsNullOrEmpty(token));
    }

    /// <summary>Every event of a lookup, page after page.</summary>
    public async IAsyncEnumerable<CloudTrailEventRecord> LookupEventsAsync(
        LookupEventsRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var page in LookupEventsPagesAsync(request, cancellationToken).ConfigureAwait(false))
        {
            foreach (var record in page.Events)
            {
                yield return record;
            }
        }
    }

    /// <summary>One page of a lookup.</summary>
    public async Task<LookupEventsPage> LookupEventsPageAsync(LookupEventsRequest request, CancellationToken cancellationToken = default)
    {
        var body = Json.Object()
            .Set("StartTime", request.StartTime is { } start ? Json.EpochSeconds(start) : null)
            .Set("EndTime", request.EndTime is { } end ? Json.EpochSeconds(end) : null)
            .Set("MaxResults", request.MaxResults)
            .Set("NextToken", request.NextToken)
            .Set("EventCategory", request.EventCategory);
        if (request.LookupAttributes is { Count: > 0 } attributes)
        {
            var array = new JsonArray();
            foreach (var attribute in attributes)
            {
                array.Add(new JsonObject { ["AttributeKey"] = attribute.AttributeKey.ToString(), ["AttributeValue"] = attribute.AttributeValue });
            }

            body["LookupAttributes"] = array;
        }

        var response = await _channel.SendAsync(Json.Target(Target, "LookupEvents", body, AwsRateLimit.LookupEvents), cancellationToken).ConfigureAwait(false);
        using var doc = Json.Parse(response);
        var events = doc.RootElement.Array("Events").Select(ReadEvent).ToList();
        return new LookupEventsPage(events, doc.RootElement.Str("NextToken"), response.RequestId);
    }

    /// <summary>Describes trails.</summary>
    public async Task<DescribeTrailsResponse> DescribeTrailsAsync(DescribeTrailsRequest? request = null, CancellationToken cancellationToken = default)
    {
        request ??= new DescribeTrailsRequest();
        var body = Json.Object().Set("includeShadowTrails", request.IncludeShadowTrails);
        if (request.TrailNameList is { Count: > 0 } names)
        {
            body["trailNameList"] = new JsonArray(names.Select(n => (JsonNode?)JsonValue.Create(n)).ToArray());
        }

        var response = await _channel.SendAsync(Json.Target(Target, "DescribeTrails", body), cancellationToken).ConfigureAwait(false);
        using var doc = Json.Parse(response);
        var trails = doc.RootElement.Array("trailList").Select(static t => new CloudTrailTrail(
            t.Required("Name"), t.Str("TrailARN"), t.Str("S3BucketName"), t.Str("S3KeyPrefix"), t.Bool("IsMultiRegionTrail"),
            t.Bool("IsOrganizationTrail"), t.Str("HomeRegion"), t.Bool("IncludeGlobalServiceEvents"), t.Bool("LogFileValidationEnabled"),
            t.Str("CloudWatchLogsLogGroupArn"))).ToList();
        return new DescribeTrailsResponse(trails, response.RequestId);
    }

    /// <summary>Whether a trail is logging.</summary>
    public async Task<GetTrailStatusResponse> GetTrailStatusAsync(GetTrailStatusRequest request, CancellationToken cancellationToken = default)
    {
        var response = await _channel.SendAsync(Json.Target(Target, "GetTrailStatus", Json.Object().Set("Name", request.Name)), cancellationToken).ConfigureAwait(false);
        using var doc = Json.Parse(response);
        var root = doc.RootElement;
        return new GetTrailStatusResponse(
            root.Bool("IsLogging"), root.Time("StartLoggingTime"), root.Time("StopLoggingTime"), root.Time("LatestDeliveryTime"),
            root.Str("LatestDeliveryError"), response.RequestId);
    }

    /// <summary>Turns a trail's logging back on.</summary>
    public async Task<AwsResult> StartLoggingAsync(StartLoggingRequest request, CancellationToken cancellationToken = default)
    {
        var response = await _channel.SendAsync(Json.Target(Target, "StartLogging", Json.Object().Set("Name", request.Name)), cancellationToken).ConfigureAwait(false);
        return new AwsResult(response.RequestId);
    }

    /// <summary>Turns a trail's logging off.</summary>
    public async Task<AwsResult> StopLoggingAsync(StopLoggingRequest request, CancellationToken cancellationToken = default)
    {
        var response = await _channel.SendAsync(Json.Target(Target, "StopLogging", Json.Object().Set("Name", request.Name)), cancellationToken).ConfigureAwait(false);
        return new AwsResult(response.RequestId);
    }

    private static CloudTrailEventRecord ReadEvent(JsonElement e) => new(
        e.Required("EventId"),
        e.Required("EventName"),
        e.Str("ReadOnly"),
        e.Str("AccessKeyId"),
        e.Time("EventTime") ?? DateTimeOffset.MinValue,
        e.Str("EventSource") ?? string.Empty,
        e.Str("Username"),
        e.Array("Resources").Select(static r => new CloudTrailResource(r.Str("ResourceType"), r.Str("ResourceName"))).ToList(),
        e.Str("CloudTrailEvent") ?? "{}");
}

using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.Runtime;

namespace CredIr.Aws;

/// <summary>Amazon GuardDuty (REST-JSON, camelCase). Thread-safe; keep one per account and region.</summary>
public sealed class GuardDutyClient
{
    private readonly AwsChannel _channel;

    /// <summary>Creates the client.</summary>
    public GuardDutyClient(AwsRuntime runtime, AWSCredentials credentials, string region, string? accountId = null)
    {
        _channel = new AwsChannel(runtime, AwsServiceInfo.GuardDuty, credentials, region, accountId);
    }

    /// <summary>The detector ids of the region (at most one per account and region on AWS).</summary>
    public async IAsyncEnumerable<string> ListDetectorsAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? token = null;
        do
        {
            var http = Json.Rest("ListDetectors", HttpMethod.Get, "/detector");
            if (token is not null)
            {
                http.Query["nextToken"] = token;
            }

            var response = await _channel.SendAsync(http, cancellationToken).ConfigureAwait(false);
            using var doc = Json.Parse(response);
            foreach (var id in doc.RootElement.Array("detectorIds"))
            {
                yield return id.GetString() ?? string.Empty;
            }

            token = doc.RootElement.Str("nextToken");
        }
        while (!string.IsNullOrEmpty(token));
    }

    /// <summary>The ids of a detector's findings that match the criteria.</summary>
    public async IAsyncEnumerable<string> ListFindingsAsync(ListFindingsRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var criteria = request.FindingCriteriaJson is null ? null : JsonNode.Parse(request.FindingCriteriaJson);
        string? token = null;
        do
        {
            var body = Json.Object().Set("findingCriteria", criteria?.DeepClone()).Set("maxResults", request.MaxResults).Set("nextToken", token);
            var http = Json.Rest("ListFindings", HttpMethod.Post, "/detector/{detectorId}/findings", body);
            http.PathResources["{detectorId}"] = request.DetectorId;
            var response = await _channel.SendAsync(http, cancellationToken).ConfigureAwait(false);
            using var doc = Json.Parse(response);
            foreach (var id in doc.RootElement.Array("findingIds"))
            {
                yield return id.GetString() ?? string.Empty;
            }

            token = doc.RootElement.Str("nextToken");
        }
        while (!string.IsNullOrEmpty(token));
    }

    /// <summary>Findings by id, each with its raw JSON.</summary>
    public async Task<GetFindingsResponse> GetFindingsAsync(GetFindingsRequest request, CancellationToken cancellationToken = default)
    {
        var body = Json.Object().Set("findingIds", new JsonArray(request.FindingIds.Select(static id => (JsonNode?)JsonValue.Create(id)).ToArray()));
        var http = Json.Rest("GetFindings", HttpMethod.Post, "/detector/{detectorId}/findings/get", body);
        http.PathResources["{detectorId}"] = request.DetectorId;
        var response = await _channel.SendAsync(http, cancellationToken).ConfigureAwait(false);
        using var doc = Json.Parse(response);
        return new GetFindingsResponse(doc.RootElement.Array("findings").Select(ReadFinding).ToList(), response.RequestId);
    }

    /// <summary>Reads a finding from its JSON (as GetFindings or an EventBridge event's detail carries it).</summary>
    public static GuardDutyFinding ReadFinding(JsonElement f)
    {
        var accessKey = f.Prop("resource")?.Prop("accessKeyDetails");
        var service = f.Prop("service");
        return new GuardDutyFinding(
            f.Required("id"), f.Str("type") ?? string.Empty, f.Double("severity") ?? 0, f.Str("accountId") ?? string.Empty, f.Str("region") ?? string.Empty,
            f.Str("title"), f.Time("createdAt"), f.Time("updatedAt"),
            accessKey?.Str("accessKeyId"), accessKey?.Str("principalId"), accessKey?.Str("userName"),
            service?.Time("eventFirstSeen"), service?.Time("eventLastSeen"), f.GetRawText());
    }
}

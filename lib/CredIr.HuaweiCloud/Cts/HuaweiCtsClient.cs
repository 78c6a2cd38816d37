using System.Globalization;
using System.Runtime.CompilerServices;
using CredIr.HuaweiCloud.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CredIr.HuaweiCloud.Cts;

/// <summary>
/// CTS (Cloud Trace Service) v3 on AK/SK: the traces of one region's project, filtered and paged with
/// CTS's <c>next</c> marker. One long-lived instance for every region; thread-safe.
/// </summary>
public sealed class HuaweiCtsClient
{
    public const int MaxLimit = 200;

    private readonly HuaweiApi _api;
    private readonly HuaweiCloudOptions _options;

    public HuaweiCtsClient(HttpClient http, HuaweiCloudOptions options, TimeProvider? time = null, ILogger<HuaweiCtsClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _api = new HuaweiApi(http, options, time ?? TimeProvider.System, (ILogger?)logger ?? NullLogger.Instance);
    }

    /// <summary>One page of GET /v3/{project_id}/traces in <paramref name="region"/>.</summary>
    public async Task<CtsTracePage> ListTracesAsync(string region, string projectId, CtsTraceQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentException.ThrowIfNullOrWhiteSpace(projectId);
        if (query.Limit is < 1 or > MaxLimit)
        {
            throw new ArgumentOutOfRangeException(nameof(query), query.Limit, $"limit must be 1..{MaxLimit} (CTS's range)");
        }

        if (query.From is { } f && query.To is { } t && f > t)
        {
            throw new ArgumentException($"from ({f:O}) is after to ({t:O})", nameof(query));
        }

        var page = await _api.SendAsync<TracesEnvelope>(HttpMethod.Get, _options.Cts(region), $"/v3/{Uri.EscapeDataString(projectId)}/traces", Parameters(query), null, "ListTraces", ct);
        return new CtsTracePage(page.Traces ?? [], string.IsNullOrEmpty(page.MetaData?.Marker) ? null : page.MetaData.Marker);
    }

    /// <summary>Every trace matching <paramref name="query"/>, newest first, following the next marker page by page.</summary>
    public async IAsyncEnumerable<CtsTrace> ListAllTracesAsync(string region, string projectId, CtsTraceQuery query, [EnumeratorCancellation] CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        var current = query;
        while (true)
        {
            var page = await ListTracesAsync(region, projectId, current, ct);
            foreach (var trace in page.Traces)
            {
                yield return trace;
            }

            // A marker that does not move would loop forever: end rather than repeat a page.
            if (page.NextMarker is null || page.NextMarker == current.Next)
            {
                yield break;
            }

            current = current with { Next = page.NextMarker };
        }
    }

    private static IEnumerable<KeyValuePair<string, string?>> Parameters(CtsTraceQuery q)
    {
        static string? Ms(DateTimeOffset? at) => at?.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
        return
        [
            new("trace_type", q.TraceType),
            new("from", Ms(q.From)),
            new("to", Ms(q.To)),
            new("limit", q.Limit?.ToString(CultureInfo.InvariantCulture)),
            new("next", q.Next),
            new("user", q.User),
            new("access_key_id", q.AccessKeyId),
            new("service_type", q.ServiceType),
            new("resource_type", q.ResourceType),
            new("resource_name", q.ResourceName),
            new("resource_id", q.ResourceId),
            new("trace_name", q.TraceName),
            new("trace_rating", q.TraceRating),
            new("tracker_name", q.TrackerName),
        ];
    }

    private sealed record TracesEnvelope(IReadOnlyList<CtsTrace>? Traces, TracesMeta? MetaData);

    private sealed record TracesMeta(int Count, string? Marker);
}

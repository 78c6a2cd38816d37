using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;

namespace CredIr.Sandbox.Huawei;

/// <summary>
/// CTS v3 ListTraces: GET /v3/{project_id}/traces with trace_type, from/to (UTC ms; default the last hour),
/// limit (1..200, default 10), next (the previous page's marker: traces older than it) and exact-match filters.
/// Traces come newest first; meta_data.marker is the last trace's id while more remain, else null.
/// </summary>
internal static class HuaweiCtsApi
{
    private const int DefaultLimit = 10;
    private const int MaxLimit = 200;
    private static readonly TimeSpan Retention = TimeSpan.FromDays(7);

    // Query parameter -> the trace field it matches exactly.
    private static readonly (string Parameter, Func<JsonObject, string?> Field)[] Filters =
    [
        ("trace_id", static t => t["trace_id"]?.ToString()),
        ("trace_name", static t => t["trace_name"]?.ToString()),
        ("trace_rating", static t => t["trace_rating"]?.ToString()),
        ("service_type", static t => t["service_type"]?.ToString()),
        ("resource_type", static t => t["resource_type"]?.ToString()),
        ("resource_name", static t => t["resource_name"]?.ToString()),
        ("resource_id", static t => t["resource_id"]?.ToString()),
        ("user", static t => t["user"]?["name"]?.ToString()),
        ("access_key_id", static t => t["user"]?["access_key_id"]?.ToString()),
        ("tracker_name", static t => t["tracker_name"]?.ToString()),
    ];

    public static HuaweiResult Handle(HuaweiState state, HuaweiCall call)
    {
        if (call.Method != "GET" || call.Segments is not ["v3", var projectId, "traces"])
        {
            throw new HuaweiApiException(HttpStatusCode.NotFound, "APIGW.0101", "The API does not exist or has not been published in the environment");
        }

        NameCall(call, projectId);
        lock (state.Gate)
        {
            if (!state.Projects.TryGetValue(call.Region, out var regionProject) || regionProject != projectId)
            {
                throw new HuaweiApiException(HttpStatusCode.BadRequest, "CTS.0001", $"The project {projectId} is not a project of this account in {call.Region}.");
            }

            var traceType = call.Query.GetValueOrDefault("trace_type") ?? "system";
            if (traceType is not ("system" or "data"))
            {
                throw Invalid("trace_type", traceType, "system or data");
            }

            var now = call.Time;
            var to = Millis(call, "to") ?? now.ToUnixTimeMilliseconds();
            var from = Millis(call, "from") ?? now.AddHours(-1).ToUnixTimeMilliseconds();
            if (from > to)
            {
                throw Invalid("from", from.ToString(CultureInfo.InvariantCulture), "a time before to");
            }

            var limit = DefaultLimit;
            if (call.Query.TryGetValue("limit", out var limitText) && (!int.TryParse(limitText, NumberStyles.None, CultureInfo.InvariantCulture, out limit) || limit is < 1 or > MaxLimit))
            {
                throw Invalid("limit", limitText, $"1 to {MaxLimit}");
            }

            var oldest = now.Add(-Retention).ToUnixTimeMilliseconds();
            // Traces recorded during this call (none yet: it is recorded after it answers) cannot shift the pages.
            IEnumerable<JsonObject> traces = traceType == "data" ? [] : state.Traces[projectId].AsEnumerable().Reverse();
            var matching = traces.Where(t =>
            {
                var time = t["time"]!.GetValue<long>();
                return time >= from && time <= to && time >= oldest
                    && Filters.All(f => !call.Query.TryGetValue(f.Parameter, out var wanted) || f.Field(t) == wanted);
            }).ToList();

            var start = 0;
            if (call.Query.TryGetValue("next", out var next) && next.Length > 0)
            {
                var index = matching.FindIndex(t => t["trace_id"]?.ToString() == next);
                start = index >= 0 ? index + 1 : throw Invalid("next", next, "the marker of an earlier page of this query");
            }

            var page = matching.Skip(start).Take(limit).ToList();
            var more = start + page.Count < matching.Count;
            return Page(page, more ? page[^1]["trace_id"]?.ToString() : null);
        }
    }

    private static HuaweiResult Page(List<JsonObject> page, string? marker) => new(HttpStatusCode.OK, new JsonObject
    {
        ["traces"] = new JsonArray(page.Select(static t => (JsonNode)t.DeepClone()).ToArray()),
        ["meta_data"] = new JsonObject { ["count"] = page.Count, ["marker"] = marker },
    });

    private static void NameCall(HuaweiCall call, string projectId)
    {
        call.TraceName = "listTraces";
        call.ResourceType = "trace";
        call.ResourceId = projectId;
        call.ApiVersion = "3";
    }

    private static long? Millis(HuaweiCall call, string name) =>
        !call.Query.TryGetValue(name, out var text) ? null
        : long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var ms) && text.Length == 13 ? ms
        : throw Invalid(name, text, "a 13-digit UTC millisecond timestamp");

    private static HuaweiApiException Invalid(string parameter, string value, string expected) =>
        new(HttpStatusCode.BadRequest, "CTS.0001", $"Invalid {parameter} '{value}': expected {expected}.");
}

using CredIr.Contracts.Calls;
using CredIr.Contracts.V1;
using Grpc.Core;

namespace CredIr.Gateway.Rest;

/// <summary>
/// The REST routes of credir.v1.Incidents that JSON transcoding cannot express, written by hand: the
/// report as its own content type, the evidence stream as one JSON document, the watch as server-sent
/// events. The others come from incidents.proto's google.api.http rules (<see cref="TranscodedRoutes"/>).
/// </summary>
internal static class IncidentRoutes
{
    public static readonly IReadOnlyList<RestRoute> All =
    [
        new("GET", "/v1/incidents/{id}/report", "GetReport", "The report (format=html|markdown|json)", null, "Report", WriteReportAsync),
        new("GET", "/v1/incidents/{id}/evidence", "ExportEvidence", "The evidence log", null, "EvidenceEntry[]", WriteEvidenceAsync),
        new("GET", "/v1/incidents/{id}/watch", "WatchIncident", "Changes as server-sent events (id: version; Last-Event-ID resumes)", null, "IncidentChange (text/event-stream)",
            WatchEvents.WriteAsync),
    ];

    public static Contracts.V1.Incidents.IncidentsClient Client(RestCall call) => call.Incidents;

    private static async Task WriteReportAsync(RestCall call)
    {
        var format = (call.Query("format") ?? "json").ToLowerInvariant() switch
        {
            "html" => ReportFormat.Html,
            "markdown" or "md" => ReportFormat.Markdown,
            "json" => ReportFormat.Json,
            var other => throw new RpcException(new Status(StatusCode.InvalidArgument, $"format '{other}' is not html, markdown or json.")),
        };
        var report = await Client(call).GetReportAsync(new GetReportRequest { IncidentId = call.Route("id"), Format = format }, call.Context());
        call.Http.Response.ContentType = string.IsNullOrEmpty(report.ContentType) ? "text/plain" : report.ContentType;
        await call.Http.Response.WriteAsync(report.Content, call.Http.RequestAborted);
    }

    private static async Task WriteEvidenceAsync(RestCall call)
    {
        var entries = new List<string>();
        await foreach (var entry in Client(call).ExportEvidence(new ExportEvidenceRequest { IncidentId = call.Route("id") }, call.Context(stream: true)).Responses(call.Http.RequestAborted))
        {
            entries.Add(ProtoJson.Formatter.Format(entry));
        }

        call.Http.Response.ContentType = "application/json";
        await call.Http.Response.WriteAsync("{\"entries\":[" + string.Join(',', entries) + "]}", call.Http.RequestAborted);
    }
}

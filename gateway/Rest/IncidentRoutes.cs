using System.Globalization;
using CredIr.Contracts.Calls;
using CredIr.Contracts.V1;
using Grpc.Core;

namespace CredIr.Gateway.Rest;

/// <summary>The REST surface of credir.v1.Incidents: each route names the rpc it calls.</summary>
internal static class IncidentRoutes
{
    public static readonly IReadOnlyList<RestRoute> All =
    [
        new("POST", "/v1/incidents", "OpenIncident", "Open an incident", "OpenIncidentRequest", "Incident",
            async c => await c.WriteAsync(await Client(c).OpenIncidentAsync(await c.BodyAsync(OpenIncidentRequest.Parser), c.Context()))),
        new("GET", "/v1/incidents", "ListIncidents", "List incidents (phase, page_size, page_token)", null, "ListIncidentsResponse",
            async c => await c.WriteAsync(await Client(c).ListIncidentsAsync(ListRequest(c), c.Context()))),
        new("GET", "/v1/incidents/{id}", "GetIncident", "Get an incident", null, "Incident",
            async c => await c.WriteAsync(await Client(c).GetIncidentAsync(new GetIncidentRequest { IncidentId = c.Route("id") }, c.Context()))),
        new("POST", "/v1/incidents/{id}:advance", "Advance", "Run the playbook up to the next approval", "AdvanceRequest", "Incident",
            async c => await c.WriteAsync(await Client(c).AdvanceAsync(WithId(await c.BodyAsync(AdvanceRequest.Parser), c), c.Context()))),
        new("POST", "/v1/incidents/{id}/approvals/{approvalId}:approve", "Approve", "Approve a pending step", "DecideRequest", "Incident",
            async c => await c.WriteAsync(await Client(c).ApproveAsync(Decision(await c.BodyAsync(DecideRequest.Parser), c), c.Context()))),
        new("POST", "/v1/incidents/{id}/approvals/{approvalId}:reject", "Reject", "Reject a pending step", "DecideRequest", "Incident",
            async c => await c.WriteAsync(await Client(c).RejectAsync(Decision(await c.BodyAsync(DecideRequest.Parser), c), c.Context()))),
        new("POST", "/v1/incidents/{id}/notes", "AddNote", "Add a note", "AddNoteRequest", "Incident",
            async c => await c.WriteAsync(await Client(c).AddNoteAsync(WithId(await c.BodyAsync(AddNoteRequest.Parser), c), c.Context()))),
        new("POST", "/v1/incidents/{id}:close", "CloseIncident", "Close an incident", "CloseIncidentRequest", "Incident",
            async c => await c.WriteAsync(await Client(c).CloseIncidentAsync(WithId(await c.BodyAsync(CloseIncidentRequest.Parser), c), c.Context()))),
        new("GET", "/v1/incidents/{id}/report", "GetReport", "The report (format=html|markdown|json)", null, "Report", WriteReportAsync),
        new("GET", "/v1/incidents/{id}/evidence", "ExportEvidence", "The evidence log", null, "EvidenceEntry[]", WriteEvidenceAsync),
        new("GET", "/v1/incidents/{id}/evidence:verify", "VerifyEvidence", "Verify the evidence hash chain", null, "VerifyEvidenceResponse",
            async c => await c.WriteAsync(await Client(c).VerifyEvidenceAsync(new VerifyEvidenceRequest { IncidentId = c.Route("id") }, c.Context()))),
        new("GET", "/v1/incidents/{id}/watch", "WatchIncident", "Changes as server-sent events (id: version; Last-Event-ID resumes)", null, "IncidentChange (text/event-stream)",
            WatchEvents.WriteAsync),
    ];

    public static Contracts.V1.Incidents.IncidentsClient Client(RestCall call) => call.Incidents;

    private static ListIncidentsRequest ListRequest(RestCall call)
    {
        var request = new ListIncidentsRequest { PageToken = call.Query("page_token") ?? string.Empty };
        if (call.Query("page_size") is { } size)
        {
            request.PageSize = int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
                ? n
                : throw new RpcException(new Status(StatusCode.InvalidArgument, "page_size must be a whole number."));
        }

        foreach (var phase in call.Http.Request.Query["phase"])
        {
            request.Phases.Add(Enum.TryParse<Phase>(ToPascal(phase ?? string.Empty), out var p)
                ? p
                : throw new RpcException(new Status(StatusCode.InvalidArgument, $"phase '{phase}' is not a phase (e.g. PHASE_CONTAINED).")));
        }

        return request;
    }

    private static string ToPascal(string enumName) =>
        string.Concat(enumName.Split('_', StringSplitOptions.RemoveEmptyEntries)
            .Select(w => char.ToUpperInvariant(w[0]) + w[1..].ToLowerInvariant()));

    private static T WithId<T>(T request, RestCall call)
        where T : Google.Protobuf.IMessage
    {
        request.Descriptor.FindFieldByName("incident_id").Accessor.SetValue(request, call.Route("id"));
        return request;
    }

    private static DecideRequest Decision(DecideRequest request, RestCall call)
    {
        request.IncidentId = call.Route("id");
        request.ApprovalId = call.Route("approvalId");
        return request;
    }

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

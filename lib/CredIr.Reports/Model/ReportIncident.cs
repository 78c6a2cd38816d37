using System.Text.Json.Serialization;

namespace CredIr.Reports.Model;

/// <summary>The incident's identity and state when the report was made.</summary>
public sealed record ReportIncident(
    [property: JsonPropertyName("incidentId")] string IncidentId,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("severity")] string Severity,
    [property: JsonPropertyName("phase")] string Phase,
    [property: JsonPropertyName("version")] long Version,
    [property: JsonPropertyName("ticketReference")] string TicketReference,
    [property: JsonPropertyName("openedAt")] DateTimeOffset? OpenedAt,
    [property: JsonPropertyName("openedBy")] string OpenedBy,
    [property: JsonPropertyName("updatedAt")] DateTimeOffset? UpdatedAt,
    [property: JsonPropertyName("closedAt")] DateTimeOffset? ClosedAt,
    [property: JsonPropertyName("waitingFor")] string WaitingFor,
    [property: JsonPropertyName("lastError")] string LastError);

using System.Text.Json.Serialization;

namespace CredIr.Reports.Model;

/// <summary>An edge of the derived-credential graph: the actor used From to create To.</summary>
public sealed record ReportCredentialEdge(
    [property: JsonPropertyName("from")] string From,
    [property: JsonPropertyName("to")] string To,
    [property: JsonPropertyName("eventId")] string EventId,
    [property: JsonPropertyName("eventName")] string EventName,
    [property: JsonPropertyName("at")] DateTimeOffset? At);

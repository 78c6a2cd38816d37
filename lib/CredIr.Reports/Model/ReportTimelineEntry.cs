using System.Text.Json.Serialization;

namespace CredIr.Reports.Model;

/// <summary>An entry of the incident's own timeline (responder and coordinator).</summary>
public sealed record ReportTimelineEntry(
    [property: JsonPropertyName("at")] DateTimeOffset? At,
    [property: JsonPropertyName("actor")] string Actor,
    [property: JsonPropertyName("what")] string What,
    [property: JsonPropertyName("phase")] string Phase);

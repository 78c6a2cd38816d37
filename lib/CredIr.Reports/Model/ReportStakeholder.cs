using System.Text.Json.Serialization;

namespace CredIr.Reports.Model;

/// <summary>A person or team told about the incident, and why.</summary>
public sealed record ReportStakeholder(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("contact")] string Contact,
    [property: JsonPropertyName("application")] string Application,
    [property: JsonPropertyName("reason")] string Reason);

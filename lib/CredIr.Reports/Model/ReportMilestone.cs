using System.Text.Json.Serialization;

namespace CredIr.Reports.Model;

/// <summary>A point of the response: compromised, detected, identified, contained, eradicated, recovered, closed.</summary>
public sealed record ReportMilestone(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("at")] DateTimeOffset At,
    [property: JsonPropertyName("description")] string Description);

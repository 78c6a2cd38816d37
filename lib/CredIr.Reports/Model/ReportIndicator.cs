using System.Text.Json.Serialization;

namespace CredIr.Reports.Model;

/// <summary>An indicator of compromise seen in the actor's calls.</summary>
public sealed record ReportIndicator(
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("value")] string Value,
    [property: JsonPropertyName("firstSeen")] DateTimeOffset? FirstSeen,
    [property: JsonPropertyName("lastSeen")] DateTimeOffset? LastSeen,
    [property: JsonPropertyName("count")] int Count);

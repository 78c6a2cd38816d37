using System.Text.Json.Serialization;

namespace CredIr.Reports.Model;

/// <summary>One category of the actor's calls (a lane of the timeline picture).</summary>
public sealed record ReportCategoryLane(
    [property: JsonPropertyName("category")] string Category,
    [property: JsonPropertyName("count")] int Count,
    [property: JsonPropertyName("firstAt")] DateTimeOffset? FirstAt,
    [property: JsonPropertyName("lastAt")] DateTimeOffset? LastAt);

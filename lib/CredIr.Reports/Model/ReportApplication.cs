using System.Text.Json.Serialization;

namespace CredIr.Reports.Model;

/// <summary>An affected application and its owners.</summary>
public sealed record ReportApplication(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("owners")] IReadOnlyList<string> Owners,
    [property: JsonPropertyName("resources")] IReadOnlyList<string> Resources);

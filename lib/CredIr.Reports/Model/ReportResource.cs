using System.Text.Json.Serialization;

namespace CredIr.Reports.Model;

/// <summary>A cloud resource an event touched or a step acted on.</summary>
public sealed record ReportResource(
    [property: JsonPropertyName("arn")] string Arn,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("accountId")] string AccountId,
    [property: JsonPropertyName("region")] string Region,
    [property: JsonPropertyName("tags")] IReadOnlyDictionary<string, string> Tags);

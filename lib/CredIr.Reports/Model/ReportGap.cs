using System.Text.Json.Serialization;

namespace CredIr.Reports.Model;

/// <summary>Something the trail sources could not see: the report's known blind spots.</summary>
public sealed record ReportGap(
    [property: JsonPropertyName("accountId")] string AccountId,
    [property: JsonPropertyName("region")] string Region,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("categoriesNotSeen")] IReadOnlyList<string> CategoriesNotSeen,
    [property: JsonPropertyName("errorCode")] string ErrorCode);

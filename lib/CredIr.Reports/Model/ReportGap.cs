using System.Text.Json.Serialization;

namespace CredIr.Reports.Model;

/// <summary>Something the trail sources could not see: the report's known blind spots.</summary>
public sealed record ReportGap(
    [property: JsonPropertyName("accountId")] string AccountId,
    [property: JsonPropertyName("region")] string Region,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("categoriesNotSeen")] IReadOnlyList<string> CategoriesNotSeen,
    [property: JsonPropertyName("errorCode")] string ErrorCode)
{
    /// <summary>Where the gap is, for people: a gap of the source itself (data events, say) is everywhere.</summary>
    [JsonIgnore]
    public string Where => AccountId.Length == 0 && Region.Length == 0
        ? "every account and region"
        : $"{(AccountId.Length > 0 ? AccountId : "every account")} {(Region.Length > 0 ? Region : "every region")}";
}

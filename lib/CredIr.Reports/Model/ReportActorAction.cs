using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace CredIr.Reports.Model;

/// <summary>One call the actor made, as CloudTrail recorded it and as it was classified.</summary>
public sealed record ReportActorAction(
    [property: JsonPropertyName("eventId")] string EventId,
    [property: JsonPropertyName("at")] DateTimeOffset? At,
    [property: JsonPropertyName("eventName")] string EventName,
    [property: JsonPropertyName("eventSource")] string EventSource,
    [property: JsonPropertyName("categories")] IReadOnlyList<string> Categories,
    [property: JsonPropertyName("matchedRules")] IReadOnlyList<string> MatchedRules,
    [property: JsonPropertyName("accessKeyId")] string AccessKeyId,
    [property: JsonPropertyName("principalArn")] string PrincipalArn,
    [property: JsonPropertyName("accountId")] string AccountId,
    [property: JsonPropertyName("region")] string Region,
    [property: JsonPropertyName("sourceIpAddress")] string SourceIpAddress,
    [property: JsonPropertyName("userAgent")] string UserAgent,
    [property: JsonPropertyName("errorCode")] string ErrorCode,
    [property: JsonPropertyName("errorMessage")] string ErrorMessage,
    [property: JsonPropertyName("readOnly")] bool ReadOnly,
    [property: JsonPropertyName("resources")] IReadOnlyList<ReportResource> Resources,
    [property: JsonPropertyName("createdAccessKeyIds")] IReadOnlyList<string> CreatedAccessKeyIds,
    [property: JsonPropertyName("raw")] JsonNode? Raw);

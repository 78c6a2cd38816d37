using System.Text.Json.Serialization;

namespace CredIr.Reports.Model;

/// <summary>A notification sent (or still pending) to a stakeholder.</summary>
public sealed record ReportNotification(
    [property: JsonPropertyName("notificationId")] string NotificationId,
    [property: JsonPropertyName("target")] string Target,
    [property: JsonPropertyName("subject")] string Subject,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("attempts")] int Attempts,
    [property: JsonPropertyName("lastError")] string LastError,
    [property: JsonPropertyName("deliveredAt")] DateTimeOffset? DeliveredAt);

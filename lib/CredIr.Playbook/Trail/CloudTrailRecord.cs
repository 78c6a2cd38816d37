using System.Text.Json;

namespace CredIr.Playbook.Trail;

/// <summary>
/// One CloudTrail record. Typed fields for what the playbook reasons about; the nested request
/// and response stay JSON because their shape differs per API. Missing or null fields are null.
/// </summary>
public sealed record CloudTrailRecord
{
    public string? EventVersion { get; init; }
    public UserIdentity UserIdentity { get; init; } = UserIdentity.Empty;
    public DateTimeOffset EventTime { get; init; }
    public string EventSource { get; init; } = "";
    public string EventName { get; init; } = "";
    public string? AwsRegion { get; init; }
    public string? SourceIpAddress { get; init; }
    public string? UserAgent { get; init; }
    /// <summary>requestParameters, or null when absent or JSON null.</summary>
    public JsonElement? RequestParameters { get; init; }
    /// <summary>responseElements, or null when absent or JSON null.</summary>
    public JsonElement? ResponseElements { get; init; }
    public string? ErrorCode { get; init; }
    public string? ErrorMessage { get; init; }
    public string? RequestId { get; init; }
    public string EventId { get; init; } = "";
    public bool? ReadOnly { get; init; }
    public IReadOnlyList<RecordResource> Resources { get; init; } = [];
    public string? EventType { get; init; }
    public bool? ManagementEvent { get; init; }
    public string? RecipientAccountId { get; init; }
    public string? EventCategory { get; init; }
    public string? SharedEventId { get; init; }
    /// <summary>True when the call was made with console session credentials.</summary>
    public bool SessionCredentialFromConsole { get; init; }
    /// <summary>The whole record as read (may contain secrets: use <see cref="SecretScrubber"/> before keeping it).</summary>
    public JsonElement Raw { get; init; }

    /// <summary>The account the call landed in: recipientAccountId, else the caller's account.</summary>
    public string? AccountId => RecipientAccountId ?? UserIdentity.AccountId;

    public bool Failed => !string.IsNullOrEmpty(ErrorCode);
}

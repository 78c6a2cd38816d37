using System.Text.Json.Serialization;

namespace CredIr.Reports.Model;

/// <summary>A journal record of a step: the intent before the cloud call, the result after it.</summary>
public sealed record ReportJournalEntry(
    [property: JsonPropertyName("sequence")] long Sequence,
    [property: JsonPropertyName("at")] DateTimeOffset? At,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("approvedBy")] string ApprovedBy);

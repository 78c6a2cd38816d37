using System.Text.Json.Serialization;

namespace CredIr.Reports.Model;

/// <summary>How the incident was found: the input it was opened from.</summary>
public sealed record ReportDetection(
    [property: JsonPropertyName("inputKind")] string InputKind,
    [property: JsonPropertyName("value")] string Value,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("ticketReference")] string TicketReference);

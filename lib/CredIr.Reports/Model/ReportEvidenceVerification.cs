using System.Text.Json.Serialization;

namespace CredIr.Reports.Model;

/// <summary>The result of verifying the evidence chain.</summary>
public sealed record ReportEvidenceVerification(
    [property: JsonPropertyName("intact")] bool Intact,
    [property: JsonPropertyName("entries")] long Entries,
    [property: JsonPropertyName("firstBadSequence")] long? FirstBadSequence,
    [property: JsonPropertyName("message")] string Message,
    [property: JsonPropertyName("headHash")] string HeadHash);

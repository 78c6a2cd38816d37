using System.Text.Json.Serialization;

namespace CredIr.Reports.Model;

/// <summary>One entry of the evidence log, by its hash (the payload stays in the evidence export).</summary>
public sealed record ReportEvidenceEntry(
    [property: JsonPropertyName("sequence")] long Sequence,
    [property: JsonPropertyName("at")] DateTimeOffset? At,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("summary")] string Summary,
    [property: JsonPropertyName("hash")] string Hash,
    [property: JsonPropertyName("previousHash")] string PreviousHash);

using System.Text.Json.Serialization;

namespace CredIr.Reports.Model;

/// <summary>When a milestone was reached, measured from the compromise and from the detection.</summary>
public sealed record ReportDuration(
    [property: JsonPropertyName("reachedAt")] DateTimeOffset ReachedAt,
    [property: JsonPropertyName("fromCompromiseSeconds")] long? FromCompromiseSeconds,
    [property: JsonPropertyName("fromDetectionSeconds")] long? FromDetectionSeconds);

using System.Text.Json.Serialization;

namespace CredIr.Reports.Model;

/// <summary>Time to contain, eradicate and recover; null for a milestone not reached yet.</summary>
public sealed record ReportDurations(
    [property: JsonPropertyName("timeToContain")] ReportDuration? TimeToContain,
    [property: JsonPropertyName("timeToEradicate")] ReportDuration? TimeToEradicate,
    [property: JsonPropertyName("timeToRecover")] ReportDuration? TimeToRecover);

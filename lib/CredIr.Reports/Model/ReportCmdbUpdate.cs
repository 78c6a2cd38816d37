using System.Text.Json.Serialization;

namespace CredIr.Reports.Model;

/// <summary>A change to make in the CMDB so it reflects the state after the incident (playbook Part 5).</summary>
public sealed record ReportCmdbUpdate(
    [property: JsonPropertyName("target")] string Target,
    [property: JsonPropertyName("application")] string Application,
    [property: JsonPropertyName("change")] string Change,
    [property: JsonPropertyName("reason")] string Reason);

using System.Text.Json.Serialization;

namespace CredIr.Reports.Model;

/// <summary>An item of the communications checklist (playbook Part 1, steps 8 and 9).</summary>
public sealed record ReportCommunication(
    [property: JsonPropertyName("itemId")] string ItemId,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("done")] bool Done,
    [property: JsonPropertyName("doneBy")] string DoneBy,
    [property: JsonPropertyName("doneAt")] DateTimeOffset? DoneAt);

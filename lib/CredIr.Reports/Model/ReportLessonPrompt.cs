using System.Text.Json.Serialization;

namespace CredIr.Reports.Model;

/// <summary>A question for the post-incident review, with what the incident already shows.</summary>
public sealed record ReportLessonPrompt(
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("question")] string Question,
    [property: JsonPropertyName("observations")] IReadOnlyList<string> Observations,
    [property: JsonPropertyName("answer")] string Answer);

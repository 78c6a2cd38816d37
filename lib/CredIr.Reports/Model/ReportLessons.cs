using System.Text.Json.Serialization;

namespace CredIr.Reports.Model;

/// <summary>The lessons-learned section: the seed's prompts with observations, and lessons already recorded.</summary>
public sealed record ReportLessons(
    [property: JsonPropertyName("prompts")] IReadOnlyList<ReportLessonPrompt> Prompts,
    [property: JsonPropertyName("recorded")] IReadOnlyList<ReportNote> Recorded);

using System.Text.Json.Serialization;

namespace CredIr.Reports.Model;

/// <summary>A note written by a responder.</summary>
public sealed record ReportNote(
    [property: JsonPropertyName("author")] string Author,
    [property: JsonPropertyName("at")] DateTimeOffset? At,
    [property: JsonPropertyName("text")] string Text);

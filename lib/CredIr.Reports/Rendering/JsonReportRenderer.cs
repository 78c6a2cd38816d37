using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using CredIr.Reports.Model;

namespace CredIr.Reports.Rendering;

/// <summary>The report for machines: the schema in docs/report-schema.md.</summary>
internal static class JsonReportRenderer
{
    // The default encoder escapes <, > and & too, so the JSON stays inert if pasted into a page.
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Encoder = JavaScriptEncoder.Default,
        Converters = { new UtcTimeJsonConverter() },
    };

    public static string Render(IncidentReport report) => JsonSerializer.Serialize(report, Options);
}

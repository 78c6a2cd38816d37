using CredIr.Contracts.V1;
using CredIr.Reports.Model;
using CredIr.Reports.Rendering;
using CredIr.Reports.Rendering.Html;
using CredIr.Reports.Rendering.Markdown;

namespace CredIr.Reports;

/// <summary>Renders a report as JSON (machines), Markdown or a self-contained HTML page (people).</summary>
public static class ReportRenderer
{
    /// <summary>The JSON documented in docs/report-schema.md (camelCase, times ISO 8601 UTC).</summary>
    public static string ToJson(IncidentReport report) => JsonReportRenderer.Render(report);

    /// <summary>Markdown for tickets and wikis; every value escaped.</summary>
    public static string ToMarkdown(IncidentReport report) => MarkdownReportRenderer.Render(report);

    /// <summary>One HTML file: inline CSS and SVG, no script, nothing fetched; every value encoded.</summary>
    public static string ToHtml(IncidentReport report) => HtmlReportRenderer.Render(report);

    /// <summary>The report in the asked format, as the Incidents service's GetReport returns it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The format is unspecified or unknown.</exception>
    public static Report Render(IncidentReport report, ReportFormat format)
    {
        ArgumentNullException.ThrowIfNull(report);
        var (contentType, content) = format switch
        {
            ReportFormat.Json => ("application/json; charset=utf-8", ToJson(report)),
            ReportFormat.Markdown => ("text/markdown; charset=utf-8", ToMarkdown(report)),
            ReportFormat.Html => ("text/html; charset=utf-8", ToHtml(report)),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Choose a report format: json, markdown or html."),
        };
        return new Report
        {
            IncidentId = report.Incident.IncidentId,
            Format = format,
            ContentType = contentType,
            Content = content,
        };
    }
}

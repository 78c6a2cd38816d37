using CredIr.Contracts.V1;
using Grpc.Core;
using CredIr.Reports;

namespace CredIr.Incidents.Reporting;

/// <summary>The post-incident report of an incident, in the format asked (JSON by default).</summary>
internal sealed class IncidentReporter(ReportInputReader reader, TimeProvider time)
{
    public async Task<Report> ReportAsync(Incident incident, ReportFormat format, CancellationToken cancellationToken)
    {
        if (format is not (ReportFormat.Unspecified or ReportFormat.Json or ReportFormat.Markdown or ReportFormat.Html))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"format {(int)format} is unknown: ask for REPORT_FORMAT_JSON, REPORT_FORMAT_MARKDOWN or REPORT_FORMAT_HTML."));
        }

        var input = await reader.ReadAsync(incident, cancellationToken);
        var report = new ReportBuilder(time).Build(input);
        return ReportRenderer.Render(report, format == ReportFormat.Unspecified ? ReportFormat.Json : format);
    }
}

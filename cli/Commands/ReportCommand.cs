using System.CommandLine;
using CredIr.Cli.Client;
using CredIr.Contracts.V1;

namespace CredIr.Cli.Commands;

/// <summary><c>credir report ID</c>: the post-incident report, as the coordinator renders it.</summary>
internal static class ReportCommand
{
    private static readonly Dictionary<string, ReportFormat> Formats = new(StringComparer.Ordinal)
    {
        ["html"] = ReportFormat.Html,
        ["md"] = ReportFormat.Markdown,
        ["json"] = ReportFormat.Json,
    };

    public static Command Create()
    {
        var server = ServerAddress.CreateOption();
        var id = ClientOptions.IncidentId();
        var format = new Option<string>("--format") { Description = "html, md (Markdown) or json (docs/report-schema.md).", DefaultValueFactory = _ => "md" }.AcceptOnlyFromAmong([.. Formats.Keys]);
        var output = new Option<string?>("--out") { Description = "Write the report to this file instead of stdout." };
        var command = new Command("report", CliApp.Describe(
            "The post-incident report: timeline, indicators, every action with who approved it, evidence, time to contain and to eradicate, lessons learned.",
            "credir report inc-20261123-023109-3b9dbf49",
            "credir report inc-20261123-023109-3b9dbf49 --format html --out report.html",
            "credir report inc-20261123-023109-3b9dbf49 --format json | jq '.actions'"))
        {
            id, server, format, output,
        };
        command.SetAction((ParseResult result, CancellationToken ct) => ClientOptions.RunAsync(result, server, async client =>
        {
            var report = await client.CallAsync((s, c) => s.GetReportAsync(new GetReportRequest { IncidentId = result.GetValue(id)!, Format = Formats[result.GetValue(format)!] }, c), ct);
            if (result.GetValue(output) is { } path)
            {
                var full = Path.GetFullPath(path);
                try
                {
                    await File.WriteAllTextAsync(full, report.Content, ct);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new CliException($"--out: cannot write {full}: {e.Message}");
                }

                await Console.Error.WriteLineAsync($"wrote {full}");
            }
            else
            {
                await Console.Out.WriteAsync(report.Content);
                if (!report.Content.EndsWith('\n'))
                {
                    await Console.Out.WriteLineAsync();
                }
            }

            return 0;
        }));
        return command;
    }
}

using System.CommandLine;
using CredIr.Cli.Client;
using CredIr.Cli.Incidents;
using CredIr.Cli.Output;
using CredIr.Contracts.V1;
using Spectre.Console;

namespace CredIr.Cli.Commands;

internal static class IncidentsListCommand
{
    private static readonly Dictionary<string, Phase> Phases = Enum.GetValues<Phase>().Where(static p => p != Phase.Unspecified).ToDictionary(static p => EnumText.Of(p), StringComparer.Ordinal);

    public static Command Create()
    {
        var server = ServerAddress.CreateOption();
        var output = ClientOptions.Output();
        var phases = new Option<string[]>("--phase") { Description = $"Only incidents in this phase (repeatable): {string.Join(", ", Phases.Keys)}." }.AcceptOnlyFromAmong([.. Phases.Keys]);
        var limit = new Option<int>("--limit") { Description = "At most this many incidents, newest first.", DefaultValueFactory = _ => 50 };
        var command = new Command("list", CliApp.Describe(
            "List incidents, newest first: id, phase, severity, what each waits for.",
            "credir incidents list",
            "credir incidents list --phase containing --phase eradicating --server http://credir.internal:5070",
            "credir incidents list --output json | jq -r '.incidents[].incidentId'"))
        {
            server, output, phases, limit,
        };
        command.SetAction((ParseResult result, CancellationToken ct) => ClientOptions.RunAsync(result, server, async client =>
        {
            var max = result.GetValue(limit);
            if (max <= 0)
            {
                throw new CliException($"--limit: must be positive, not {max}", CliApp.UsageError);
            }

            var request = new ListIncidentsRequest { PageSize = Math.Min(max, 100) };
            request.Phases.AddRange((result.GetValue(phases) ?? []).Select(static p => Phases[p]));
            var all = new ListIncidentsResponse();
            do
            {
                var page = await client.CallAsync((s, c) => s.ListIncidentsAsync(request, c), ct);
                all.Incidents.AddRange(page.Incidents.Take(max - all.Incidents.Count));
                all.NextPageToken = page.NextPageToken;
                request.PageToken = page.NextPageToken;
            }
            while (request.PageToken.Length > 0 && all.Incidents.Count < max);

            if (result.GetValue(output) == ClientOptions.Json)
            {
                ProtoJson.Write(all);
                return 0;
            }

            var table = new Table().AddColumns("incident", "phase", "severity", "opened", "title", "waiting for");
            foreach (var i in all.Incidents)
            {
                table.AddRow(Markup.Escape(i.IncidentId), EnumText.Of(i.Phase), EnumText.Of(i.Severity), IncidentView.Time(i.OpenedAt), Markup.Escape(i.Title), Markup.Escape(IncidentView.Or(i.WaitingFor)));
            }

            var console = ClientOptions.Console();
            console.Write(table);
            if (all.NextPageToken.Length > 0)
            {
                console.MarkupLine($"(more than {max}; raise --limit)");
            }

            return 0;
        }));
        return command;
    }
}

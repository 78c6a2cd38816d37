using System.CommandLine;
using CredIr.Cli.Client;
using CredIr.Cli.Output;
using CredIr.Cli.Playbook;
using CredIr.Contracts.V1;

namespace CredIr.Cli.Commands;

internal static class IncidentsWatchCommand
{
    public static Command Create()
    {
        var server = ServerAddress.CreateOption();
        var output = ClientOptions.Output();
        var id = ClientOptions.IncidentId();
        var from = new Option<long>("--from-version") { Description = "Only changes after this version (0: the current state first).", DefaultValueFactory = _ => 0 };
        var command = new Command("watch", CliApp.Describe(
            "Print every change to an incident as it happens (phase changes, plans, approvals, steps, derived credentials), until the incident is closed or Ctrl-C.",
            "credir incidents watch inc-20261123-023109-3b9dbf49",
            "credir incidents watch inc-20261123-023109-3b9dbf49 --output json | jq -r '.description'"))
        {
            id, server, output, from,
        };
        command.SetAction((ParseResult result, CancellationToken ct) => ClientOptions.RunAsync(result, server, async client =>
        {
            var json = result.GetValue(output) == ClientOptions.Json;
            var progress = new ProgressPrinter(Terminal.Detect(), Console.Out, TimeProvider.System);
            var request = new WatchIncidentRequest { IncidentId = result.GetValue(id)!, FromVersion = result.GetValue(from) };
            try
            {
                await foreach (var change in client.StreamAsync((s, c) => s.WatchIncident(request, c), ct))
                {
                    if (json)
                    {
                        ProtoJson.Write(change);
                    }
                    else
                    {
                        progress.Change(change);
                    }

                    // Nothing changes a closed incident: the watch is over.
                    if (change.Incident.Phase == Phase.Closed)
                    {
                        return 0;
                    }
                }
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                return 0;
            }

            throw new CliException($"the server ended the watch of {request.IncidentId} before the incident closed");
        }));
        return command;
    }
}

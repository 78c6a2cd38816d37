using System.CommandLine;
using CredIr.Cli.Client;
using CredIr.Cli.Incidents;
using CredIr.Cli.Output;
using CredIr.Contracts.V1;

namespace CredIr.Cli.Commands;

internal static class IncidentsShowCommand
{
    public static Command Create()
    {
        var server = ServerAddress.CreateOption();
        var output = ClientOptions.Output();
        var id = ClientOptions.IncidentId();
        var command = new Command("show", CliApp.Describe(
            "Show one incident: phase, what it waits for, credentials, plans and their approvals, findings.",
            "credir incidents show inc-20261123-023109-3b9dbf49",
            "credir incidents show inc-20261123-023109-3b9dbf49 --output json | jq '.credentials[].accessKeyId'"))
        {
            id, server, output,
        };
        command.SetAction((ParseResult result, CancellationToken ct) => ClientOptions.RunAsync(result, server, async client =>
        {
            var incident = await client.CallAsync((s, c) => s.GetIncidentAsync(new GetIncidentRequest { IncidentId = result.GetValue(id)! }, c), ct);
            if (result.GetValue(output) == ClientOptions.Json)
            {
                ProtoJson.Write(incident);
            }
            else
            {
                IncidentView.Write(ClientOptions.Console(), incident);
            }

            return 0;
        }));
        return command;
    }
}

using System.CommandLine;
using CredIr.Cli.Client;
using CredIr.Cli.Output;
using CredIr.Contracts.V1;

namespace CredIr.Cli.Commands;

/// <summary><c>credir evidence verify ID</c>: checks the incident's hash-chained evidence log.</summary>
internal static class EvidenceCommand
{
    public static Command Create()
    {
        var server = ServerAddress.CreateOption();
        var output = ClientOptions.Output();
        var id = ClientOptions.IncidentId();
        var verify = new Command("verify", CliApp.Describe(
            "Recompute the incident's evidence hash chain. Exit 0 when intact; 1 when an entry was altered, removed or inserted (the first bad entry is named).",
            "credir evidence verify inc-20261123-023109-3b9dbf49",
            "credir evidence verify inc-20261123-023109-3b9dbf49 --output json"))
        {
            id, server, output,
        };
        verify.SetAction((ParseResult result, CancellationToken ct) => ClientOptions.RunAsync(result, server, async client =>
        {
            var incidentId = result.GetValue(id)!;
            var verdict = await client.CallAsync((s, c) => s.VerifyEvidenceAsync(new VerifyEvidenceRequest { IncidentId = incidentId }, c), ct);
            if (result.GetValue(output) == ClientOptions.Json)
            {
                ProtoJson.Write(verdict);
            }
            else if (verdict.Intact)
            {
                Console.Out.WriteLine($"evidence of {incidentId}: intact, {verdict.Entries} entries, head {verdict.HeadHash}");
            }

            return verdict.Intact
                ? 0
                : throw new CliException($"evidence of {incidentId} is NOT intact: {verdict.Message}");
        }));
        var command = new Command("evidence", "The incident's hash-chained evidence log.");
        command.Subcommands.Add(verify);
        return command;
    }
}

using System.CommandLine;
using CredIr.Cli.Client;
using CredIr.Cli.Output;
using Spectre.Console;

namespace CredIr.Cli.Commands;

/// <summary>What every command that talks to a CredIr server shares: --server, --output, one client per run.</summary>
internal static class ClientOptions
{
    public const string Table = "table";

    public const string Json = "json";

    public static Option<string> Output() => new Option<string>("--output")
    {
        Description = "table (people) or json (the protobuf JSON of each message, one per line, for scripts).",
        DefaultValueFactory = _ => Table,
    }.AcceptOnlyFromAmong(Table, Json);

    public static async Task<int> RunAsync(ParseResult result, Option<string?> server, Func<IncidentsClient, Task<int>> action)
    {
        using var client = IncidentsClient.Connect(ServerAddress.Resolve(ServerAddress.Explicit(result, server)));
        return await action(client);
    }

    public static IAnsiConsole Console() => Scan.ScanPrinter.ConsoleFor(Terminal.Detect());

    public static Argument<string> IncidentId() => new("incident-id") { Description = "The incident's id (inc-...), as list prints it." };
}

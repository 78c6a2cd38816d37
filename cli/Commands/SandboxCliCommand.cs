using System.CommandLine;
using CredIr.Sandbox;

namespace CredIr.Cli.Commands;

/// <summary><c>credir sandbox</c>: the game-day sandbox alone, exactly as <c>dotnet run --project sandbox</c>.</summary>
internal static class SandboxCliCommand
{
    public static Command Create()
    {
        var scenario = new Option<string>("--scenario") { Description = "A scenario file, or a shipped scenario's name (multi-account-org, single-account-key-leak).", Required = true };
        var port = new Option<int>("--port") { Description = "Port on 127.0.0.1 (0: a free one).", DefaultValueFactory = _ => 0 };
        var export = new Option<string?>("--export-trail") { Description = "On exit, write the recorded trail as CloudTrail log files (S3 layout) under this folder." };
        var command = new Command("sandbox", CliApp.Describe(
            "Serve the AWS game-day sandbox on loopback until SIGTERM/SIGINT. Prints one JSON line when ready: endpoint, accounts with their admin keys, regions.",
            "credir sandbox --scenario multi-account-org",
            "credir sandbox --scenario my-game-day.json --port 4566 --export-trail ./trail"))
        {
            scenario, port, export,
        };
        command.SetAction(async (ParseResult result, CancellationToken _) =>
        {
            List<string> args = ["--port", result.GetValue(port).ToString(System.Globalization.CultureInfo.InvariantCulture), "--scenario", result.GetValue(scenario)!];
            if (result.GetValue(export) is { } dir)
            {
                args.AddRange(["--export-trail", dir]);
            }

            return await SandboxCommand.RunAsync([.. args]);
        });
        return command;
    }
}

using System.CommandLine;
using CredIr.Cli.Client;
using CredIr.Cli.Output;
using CredIr.Contracts.V1;

namespace CredIr.Cli.Commands;

internal static class IncidentsCloseCommand
{
    public static Command Create()
    {
        var server = ServerAddress.CreateOption();
        var output = ClientOptions.Output();
        var id = ClientOptions.IncidentId();
        var lessons = new Option<string>("--lessons") { Description = "Lessons learned, for the report.", DefaultValueFactory = _ => string.Empty };
        var force = new Option<bool>("--force") { Description = "Close before recovery (a false positive found mid-way); needs --reason." };
        var reason = new Option<string>("--reason") { Description = "Why the incident closes early (with --force).", DefaultValueFactory = _ => string.Empty };
        var command = new Command("close", CliApp.Describe(
            "Close a recovered incident, with the lessons learned; --force closes earlier, with a reason.",
            "credir incidents close inc-20261123-023109-3b9dbf49 --lessons \"CI keys now rotate daily\"",
            "credir incidents close inc-20261123-023109-3b9dbf49 --force --reason \"false positive: the key belongs to a test account\""))
        {
            id, server, output, lessons, force, reason,
        };
        command.SetAction((ParseResult result, CancellationToken ct) => ClientOptions.RunAsync(result, server, async client =>
        {
            if (result.GetValue(force) && result.GetValue(reason)!.Length == 0)
            {
                throw new CliException("--force needs --reason: the report says why the incident closed early", CliApp.UsageError);
            }

            var request = new CloseIncidentRequest
            {
                RequestId = Guid.NewGuid().ToString("N"),
                IncidentId = result.GetValue(id)!,
                LessonsLearned = result.GetValue(lessons)!,
                Force = result.GetValue(force),
                Reason = result.GetValue(reason)!,
            };
            var closed = await client.CallAsync((s, c) => s.CloseIncidentAsync(request, c), ct);
            if (result.GetValue(output) == ClientOptions.Json)
            {
                ProtoJson.Write(closed);
            }
            else
            {
                Console.Out.WriteLine($"incident {closed.IncidentId}: phase {EnumText.Of(closed.Phase)}");
            }

            return 0;
        }));
        return command;
    }
}

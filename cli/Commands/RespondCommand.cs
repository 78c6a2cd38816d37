using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using CredIr.Cli.Client;
using CredIr.Cli.Hosting;
using CredIr.Cli.Output;
using CredIr.Cli.Playbook;
using CredIr.Contracts.V1;
using Google.Protobuf.WellKnownTypes;

namespace CredIr.Cli.Commands;

/// <summary>
/// <c>credir respond</c>: opens an incident and drives the playbook, pausing at each approval. On a
/// server (--server / CREDIR_SERVER), or with every service in this process against AWS (the
/// default credential chain) or --endpoint.
/// </summary>
internal static class RespondCommand
{
    /// <summary>The playbook waits for an approval nobody here could give (docs/cli.md).</summary>
    public const int WaitingForApproval = 4;

    public static Command Create()
    {
        var options = new RespondOptions();
        var command = new Command("respond", CliApp.Describe(
            "Open an incident for a leaked credential and run the playbook: identification, containment, eradication (with every credential the actor derived), recovery. Each plan waits for approval: a prompt on a terminal, --auto-approve for pipelines (recorded as automatic). Without --server every service runs in this process against AWS (default credential chain) or --endpoint. Exit 0: completed; 1: stopped (error, rejection); 4: waiting for an approval (see credir incidents approve).",
            "credir respond --access-key AKIAIOSFODNN7EXAMPLE",
            "credir respond --finding guardduty-finding.json --auto-approve --output json > incident.json",
            "credir respond --principal-arn arn:aws:iam::111111111111:user/ci --server http://credir.internal:5070",
            "credir respond --access-key AKIA... --endpoint http://127.0.0.1:4566 --store sqlite:/tmp/credir.db --auto-approve"))
        {
            TreatUnmatchedTokensAsErrors = false,
        };
        options.AddTo(command);
        command.SetAction((ParseResult result, CancellationToken ct) => RunAsync(result, options, ct));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult result, RespondOptions options, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var request = options.OpenRequest(result);
        var json = result.GetValue(options.Output) == ClientOptions.Json;
        var terminal = Terminal.Detect();
        var progress = new ProgressPrinter(terminal, json ? Console.Error : Console.Out, TimeProvider.System);
        var mode = request.AutoApprove ? ApprovalMode.Automatic
            : terminal.IsInteractive && !Console.IsInputRedirected && !json ? ApprovalMode.Prompt
            : ApprovalMode.Stop;

        LocalServices? local = null;
        IncidentsClient client;
        if (ServerAddress.Explicit(result, options.Server) is { } server)
        {
            options.Athena.RequireNoLocalSettings(result);
            client = IncidentsClient.Connect(ServerAddress.Resolve(server));
        }
        else
        {
            local = await LocalServices.StartAsync(options.LocalSettings(result), [.. result.UnmatchedTokens], ct);
            client = IncidentsClient.InProcess(local.Incidents, CallerIdentity.Current);
            progress.Line($"services in this process ({(result.GetValue(options.Endpoint) is { } e ? e : "AWS, default credential chain")}), store {result.GetValue(options.Store)}; one responder here, so the two-person rule is off (use --server for a shared coordinator)");
        }

        try
        {
            var incident = await client.CallAsync((s, c) => s.OpenIncidentAsync(request, c), ct);
            progress.Line($"incident {incident.IncidentId} opened on {client.Where} as {client.Caller}{(request.AutoApprove ? "; approvals automatic (recorded as such)" : string.Empty)}");
            var outcome = await new PlaybookRunner(client, progress, mode).RunAsync(incident.IncidentId, budget: null, ct);
            progress.Summary(outcome.Incident, clock.Elapsed);
            if (json)
            {
                ProtoJson.Write(outcome.Incident);
            }

            return outcome.End switch
            {
                RunEnd.Completed => 0,
                RunEnd.WaitingForApproval => throw new CliException(
                    $"incident {outcome.Incident.IncidentId} waits for approval {Incidents.IncidentView.Pending(outcome.Incident)?.ApprovalId}: credir incidents approve {outcome.Incident.IncidentId}, or rerun with --auto-approve",
                    WaitingForApproval),
                _ => throw new CliException(Stopped(outcome)),
            };
        }
        finally
        {
            client.Dispose();
            if (local is not null)
            {
                await local.DisposeAsync();
            }
        }
    }

    internal static string Stopped(RunOutcome outcome)
    {
        var incident = outcome.Incident;
        return $"the playbook did not complete: incident {incident.IncidentId} stopped in {EnumText.Of(incident.Phase)}"
            + (incident.WaitingFor.Length > 0 ? $", waiting for {incident.WaitingFor}" : string.Empty)
            + (incident.LastError.Length > 0 ? $" ({incident.LastError})" : string.Empty)
            + (outcome.End == RunEnd.Rejected ? " (a plan was rejected)" : string.Empty);
    }

    internal static Timestamp Time(string text, string option) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            ? Timestamp.FromDateTimeOffset(time)
            : throw new CliException($"{option}: '{text}' is not an ISO 8601 time (e.g. 2023-07-10T11:00:00Z)", CliApp.UsageError);
}

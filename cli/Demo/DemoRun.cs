using System.Diagnostics;
using CredIr.Cli.Hosting;
using CredIr.Contracts.Services;
using CredIr.Contracts.V1;
using CredIr.Grpc;
using CredIr.Sandbox;
using Microsoft.Extensions.DependencyInjection;

namespace CredIr.Cli.Demo;

/// <summary>
/// The demo: the sandbox and every service in this process, one incident for the scenario's leaked
/// key driven with automatic approvals. Exit 0 only when the incident reached recovered (or closed).
/// </summary>
internal sealed class DemoRun(string outDirectory, string scenario)
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(90);

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var output = Directory.CreateDirectory(outDirectory).FullName;
        var progress = new DemoProgress(Output.Terminal.Detect());

        // The demo's story is its progress lines: the hosts' logs (the sandbox's included) only when they report an error.
        if (Environment.GetEnvironmentVariable("Logging__LogLevel__Default") is null)
        {
            Environment.SetEnvironmentVariable("Logging__LogLevel__Default", "Error");
        }

        await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions { Port = 0, ScenarioPath = ScenarioPath(scenario) }, cancellationToken);
        var leaked = sandbox.Scenario.GroundTruth?["leakedAccessKeyId"]?.GetValue<string>()
            ?? throw new CliException($"scenario '{scenario}' has no groundTruth.leakedAccessKeyId: the demo cannot know which key leaked");
        progress.Line($"sandbox {sandbox.Endpoint}: {sandbox.Accounts.Count} accounts, {sandbox.Regions.Count} regions; leaked key {leaked}");

        var admin = sandbox.Accounts[0];

        // The services find credentials through the default chain, as against AWS: the sandbox's management admin.
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", admin.AdminAccessKeyId);
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", admin.AdminSecretAccessKey);
        Environment.SetEnvironmentVariable("AWS_REGION", "us-east-1");
        var composition = ServiceComposition.Build(ServiceComposition.AllServices, [], new Dictionary<string, string?>
        {
            ["urls"] = "http://127.0.0.1:0",
            ["Incidents:Store"] = "sqlite:" + Path.Combine(output, "credir.db"),
            ["Aws:EndpointUrl"] = sandbox.Endpoint.ToString(),
            ["Aws:UseEnvironmentEndpoints"] = "false",
            ["Aws:Region"] = "us-east-1",

            // AWS's playbook watches for 30 minutes after containment; a demo shows the step with one minute.
            ["Containment:VerificationWindow"] = "00:01:00",
        });
        await using var app = composition.App;
        if (composition.Missing.Count > 0)
        {
            progress.Line($"no service for phase(s): {string.Join(", ", composition.Missing)}: the playbook cannot complete");
        }

        await app.StartAsync(cancellationToken);
        var incidents = app.Services.GetRequiredService<IIncidentsService>();
        var context = CallContext.InProcess(cancellationToken, "credir-demo");
        var incident = await incidents.OpenIncidentAsync(new OpenIncidentRequest
        {
            RequestId = Guid.NewGuid().ToString("N"),
            Input = new IdentificationInput { AccessKeyId = leaked },
            Title = $"credir demo: leaked key {leaked}",
            AutoApprove = true,
        }, context);
        progress.Line($"incident {incident.IncidentId} opened (automatic approvals: every plan is recorded as auto-approved; containment verification window shortened to 1 minute for the demo)");
        incident = await DriveAsync(incidents, incident, progress, cancellationToken);
        progress.Summary(incident, clock.Elapsed);

        var completed = incident.Phase is Phase.Recovered or Phase.Closed && incident.Findings is { ScanComplete: true } && composition.Missing.Count == 0;
        if (!completed)
        {
            await Console.Error.WriteLineAsync(
                $"credir demo: the playbook did not complete: incident stopped in {incident.Phase}"
                + (string.IsNullOrEmpty(incident.WaitingFor) ? string.Empty : $", waiting for {incident.WaitingFor}")
                + (string.IsNullOrEmpty(incident.LastError) ? string.Empty : $" ({incident.LastError})")
                + (composition.Missing.Count > 0 ? $"; missing phase service(s): {string.Join(", ", composition.Missing)}" : string.Empty));
            return 1;
        }

        foreach (var (format, file) in new[] { (ReportFormat.Html, "report.html"), (ReportFormat.Markdown, "report.md"), (ReportFormat.Json, "report.json") })
        {
            var report = await incidents.GetReportAsync(new GetReportRequest { IncidentId = incident.IncidentId, Format = format }, context);
            var path = Path.Combine(output, file);
            await File.WriteAllTextAsync(path, report.Content, cancellationToken);
            progress.Line($"wrote {path}");
        }

        return 0;
    }

    private static async Task<Incident> DriveAsync(IIncidentsService incidents, Incident incident, DemoProgress progress, CancellationToken cancellationToken)
    {
        using var budget = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        budget.CancelAfter(Budget);
        var context = CallContext.InProcess(budget.Token, "credir-demo");
        var lastVersion = incident.Version;
        try
        {
            // Advance runs to the next approval (given automatically) or the end; each call moves at least one step.
            while (incident.Phase is not (Phase.Recovered or Phase.Closed))
            {
                var next = await incidents.AdvanceAsync(new AdvanceRequest { RequestId = Guid.NewGuid().ToString("N"), IncidentId = incident.IncidentId }, context);
                progress.Phase(next);
                if (next.Version == lastVersion || !string.IsNullOrEmpty(next.LastError))
                {
                    return next;
                }

                lastVersion = next.Version;
                incident = next;
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            progress.Line($"the demo's time budget ({Budget.TotalSeconds:0} s) ran out");
        }

        return await incidents.GetIncidentAsync(new GetIncidentRequest { IncidentId = incident.IncidentId }, CallContext.InProcess(cancellationToken, "credir-demo"));
    }

    private static string ScenarioPath(string scenario)
    {
        if (File.Exists(scenario))
        {
            return Path.GetFullPath(scenario);
        }

        var shipped = Path.Combine(AppContext.BaseDirectory, "scenarios", scenario.EndsWith(".json", StringComparison.Ordinal) ? scenario : scenario + ".json");
        return File.Exists(shipped) ? shipped : throw new CliException($"--scenario: no file and no shipped scenario named '{scenario}'", 2);
    }
}

using System.Diagnostics;
using CredIr.Cli.Client;
using CredIr.Cli.Commands;
using CredIr.Cli.Hosting;
using CredIr.Cli.Output;
using CredIr.Cli.Playbook;
using CredIr.Contracts.V1;
using CredIr.Sandbox;

namespace CredIr.Cli.Demo;

/// <summary>
/// The demo: the sandbox and every service in this process, one incident for the scenario's leaked
/// key driven with automatic approvals, containment verified, reports written. Exit 0 only when
/// the playbook completed.
/// </summary>
internal sealed class DemoRun(string outDirectory, string scenario)
{
    // A guard against a hang, not the target: the demo takes well under a minute.
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(3);

    private static readonly (ReportFormat Format, string File)[] Reports =
        [(ReportFormat.Html, "report.html"), (ReportFormat.Markdown, "report.md"), (ReportFormat.Json, "report.json")];

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        var output = Directory.CreateDirectory(outDirectory).FullName;
        var progress = new ProgressPrinter(Terminal.Detect(), Console.Out, TimeProvider.System);
        QuietSandboxLogs();

        var scenarioFile = ScenarioPath(scenario);
        var huaweiScenario = HuaweiDemo.IsHuaweiScenario(scenarioFile);
        await using var sandbox = await SandboxHost.StartAsync(huaweiScenario
            ? new SandboxOptions { Port = 0, HuaweiScenarioPath = scenarioFile }
            : new SandboxOptions { Port = 0, ScenarioPath = scenarioFile }, cancellationToken);
        var huawei = huaweiScenario ? new HuaweiDemo(sandbox.Huawei!) : null;
        var leaked = huawei?.LeakedAccessKeyId ?? sandbox.Scenario.GroundTruth?["leakedAccessKeyId"]?.GetValue<string>()
            ?? throw new CliException($"scenario '{scenario}' has no groundTruth.leakedAccessKeyId: the demo cannot know which key leaked");
        progress.Line(huawei?.Describe(sandbox) ?? $"sandbox {sandbox.Endpoint}: {sandbox.Accounts.Count} accounts, {sandbox.Regions.Count} regions; leaked key {leaked}");

        // The services find credentials through the default chain, as against AWS: the sandbox's management admin.
        var admin = sandbox.Accounts[0];
        Environment.SetEnvironmentVariable("AWS_ACCESS_KEY_ID", admin.AdminAccessKeyId);
        Environment.SetEnvironmentVariable("AWS_SECRET_ACCESS_KEY", admin.AdminSecretAccessKey);
        Environment.SetEnvironmentVariable("AWS_REGION", "us-east-1");
        var settings = new Dictionary<string, string?>
        {
            ["Incidents:Store"] = "sqlite:" + Path.Combine(output, "credir.db"),
            ["Aws:EndpointUrl"] = sandbox.Endpoint.ToString(),
            ["Aws:UseEnvironmentEndpoints"] = "false",
            ["Aws:Region"] = "us-east-1",

            // The sandbox records a call in CloudTrail at once; AWS needs 30 min plus its delivery delay.
            ["Incidents:VerificationWindow"] = "00:00:05",
            ["Incidents:VerificationPollInterval"] = "00:00:01",

            // The demo's own policy approves on request; a server's approves nothing unless its operator turns it on.
            ["Incidents:AutoApprove:AllowOnRequest"] = "true",
        };
        huawei?.Configure(settings);
        await using var local = await LocalServices.StartAsync(settings, [], cancellationToken);
        if (local.Composition.Missing.Count > 0)
        {
            progress.Line($"no service for phase(s): {string.Join(", ", local.Composition.Missing)}: the playbook cannot complete");
        }

        using var client = IncidentsClient.InProcess(local.Incidents, "credir-demo");
        var incident = await client.CallAsync((s, c) => s.OpenIncidentAsync(new OpenIncidentRequest
        {
            RequestId = Guid.NewGuid().ToString("N"),
            Input = new IdentificationInput { AccessKeyId = leaked, Provider = huawei is null ? CloudProvider.Unspecified : CloudProvider.HuaweiCloud },
            Title = $"credir demo: leaked key {leaked}",
            AutoApprove = true,
        }, c), cancellationToken);
        progress.Line($"incident {incident.IncidentId} opened with automatic approvals: the demo's policy (auto-approve, enabled in the demo's configuration) approves every plan, recorded as such");

        var outcome = await new PlaybookRunner(client, progress, ApprovalMode.Automatic).RunAsync(incident.IncidentId, Budget, cancellationToken);
        incident = outcome.Incident;
        progress.Summary(incident, clock.Elapsed);
        if (!outcome.Completed || incident.Findings is not { ScanComplete: true })
        {
            throw new CliException(RespondCommand.Stopped(outcome)
                + (local.Composition.Missing.Count > 0 ? $"; missing phase service(s): {string.Join(", ", local.Composition.Missing)}" : string.Empty));
        }

        foreach (var (format, file) in Reports)
        {
            var report = await client.CallAsync((s, c) => s.GetReportAsync(new GetReportRequest { IncidentId = incident.IncidentId, Format = format }, c), cancellationToken);
            var path = Path.Combine(output, file);
            await File.WriteAllTextAsync(path, report.Content, cancellationToken);
            progress.Line($"wrote {path}");
        }

        progress.Line($"playbook completed in {clock.Elapsed.TotalSeconds:0.0} s");
        return 0;
    }

    /// <summary>
    /// The demo's story is its progress lines. The sandbox logs its own start at information level
    /// to the console, and takes its logging settings from the environment only; below errors, they
    /// stay out of the way unless the user asked for logs.
    /// </summary>
    private static void QuietSandboxLogs()
    {
        if (!Environment.GetEnvironmentVariables().Keys.Cast<string>().Any(static k => k.StartsWith("Logging__", StringComparison.OrdinalIgnoreCase)))
        {
            Environment.SetEnvironmentVariable("Logging__Console__LogLevel__Default", "Error");
        }
    }

    private static string ScenarioPath(string scenario)
    {
        if (File.Exists(scenario))
        {
            return Path.GetFullPath(scenario);
        }

        var shipped = Path.Combine(AppContext.BaseDirectory, "scenarios", scenario.EndsWith(".json", StringComparison.Ordinal) ? scenario : scenario + ".json");
        return File.Exists(shipped) ? shipped : throw new CliException($"--scenario: no file and no shipped scenario named '{scenario}'", CliApp.UsageError);
    }
}

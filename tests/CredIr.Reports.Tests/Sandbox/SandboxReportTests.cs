using System.Text;
using System.Text.Json.Nodes;
using CredIr.Contracts.V1;
using CredIr.Reports.Building;
using CredIr.Reports.Rendering.Html;
using CredIr.Reports.Rendering.Markdown;
using CredIr.Reports.Tests.Support;

namespace CredIr.Reports.Tests.Sandbox;

/// <summary>
/// The post-incident report GetReport returns for an incident driven against the sandbox: the
/// scenario's ground truth and every response step are in it, the HTML renders in Chromium, and no
/// secret of the scenario appears in any format. Eradication execution is not wired yet (issue 6),
/// so the playbook stops after planning eradication: the report describes that incident.
/// </summary>
public sealed class SandboxReportTests
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    [Theory]
    [InlineData("multi-account-org")]
    [InlineData("single-account-key-leak")]
    [InlineData("single-account-tamper")]
    public async Task Report_OfASandboxIncident_ListsEveryActorCallOfTheGroundTruth(string scenario)
    {
        var run = await SandboxResponse.RunAsync(scenario);
        var actions = Json(run)["timeline"]!["actorActions"]!.AsArray();

        Assert.NotEmpty(run.ActorCalls);
        foreach (var call in run.ActorCalls)
        {
            Assert.True(
                actions.Any(a => (string?)a!["eventName"] == call.EventName && (string?)a["accessKeyId"] == call.AccessKeyId),
                $"{scenario}: the report's actor actions miss step {call.StepId} ({call.EventName} with {call.AccessKeyId}); it has {actions.Count} actions from {run.Incident.CompromiseWindow?.Start} ({run.Incident.CompromiseWindow?.Basis}).");
            Assert.Contains(MarkdownText.Escape(call.EventName), run.Markdown.Content, StringComparison.Ordinal);
            Assert.Contains(HtmlText.Encode(call.EventName), run.Html.Content, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("multi-account-org")]
    [InlineData("single-account-key-leak")]
    [InlineData("single-account-tamper")]
    public async Task Report_OfASandboxIncident_ListsEveryResponseStepWithItsApprovalAndResult(string scenario)
    {
        var run = await SandboxResponse.RunAsync(scenario);
        var report = Json(run);
        var actions = report["actions"]!.AsArray();
        var steps = run.Incident.Plans.SelectMany(p => p.Steps.Select(s => (Plan: p, Step: s))).ToList();
        var executed = run.Incident.RecoveryItems.SelectMany(i => i.Steps).ToDictionary(s => s.StepId);

        Assert.Contains(run.Incident.Plans, p => p.Kind == PlanKind.Containment && p.Steps.Any(s => s.Status == StepStatus.Succeeded));
        foreach (var (plan, step) in steps)
        {
            var action = actions.SingleOrDefault(a => (string?)a!["planId"] == plan.PlanId && (string?)a["stepId"] == step.StepId);
            Assert.True(action is not null, $"{scenario}: the report has no action for step {step.StepId} of plan {plan.PlanId}.");
            // A recovery plan keeps its steps as planned; the executed copies are in the recovery items.
            var status = plan.Kind == PlanKind.Recovery && executed.TryGetValue(step.StepId, out var done) ? done.Status : step.Status;
            Assert.Equal(Name(status), (string?)action["status"]);
            Assert.StartsWith("auto-approved (policy ", (string?)action["approvedBy"], StringComparison.Ordinal);
            if (status is StepStatus.Succeeded or StepStatus.Failed or StepStatus.AlreadyDone)
            {
                Assert.NotEmpty(action["journal"]!.AsArray());
            }

            Assert.Contains(MarkdownText.Escape(step.Action), run.Markdown.Content, StringComparison.Ordinal);
            Assert.Contains(HtmlText.Encode(step.Action), run.Html.Content, StringComparison.Ordinal);
        }

        // Besides the plans' steps, the journal holds the stakeholder notification of the identified phase.
        Assert.Equal(steps.Count, actions.Count(a => (string?)a!["planId"] != "identification"));
    }

    [Theory]
    [InlineData("multi-account-org", Phase.Recovered)]
    [InlineData("single-account-key-leak", Phase.Recovered)]
    [InlineData("single-account-tamper", Phase.Recovered)]
    public async Task Report_OfASandboxIncident_MeasuresTheMilestonesTheIncidentReached(string scenario, Phase minimum)
    {
        var run = await SandboxResponse.RunAsync(scenario);
        var report = Json(run);
        var durations = report["durations"]!;

        Assert.Equal(Name(run.Incident.Phase), (string?)report["incident"]!["phase"]);
        Assert.True(run.Incident.Phase >= minimum, $"{scenario}: the incident stopped in {run.Incident.Phase} ({run.Incident.WaitingFor}; {run.Incident.LastError})");
        Assert.True(run.Incident.Findings.ScanComplete || run.Incident.Phase < Phase.Eradicated, $"{scenario}: eradicated without a complete scan");
        Assert.Equal(run.Incident.Phase >= Phase.Contained, durations["timeToContain"] is not null);
        Assert.Equal(run.Incident.Phase >= Phase.Eradicated, durations["timeToEradicate"] is not null);
        Assert.Equal(run.Incident.Phase >= Phase.Recovered, durations["timeToRecover"] is not null);
        if (durations["timeToContain"] is { } contained)
        {
            Assert.True((long)contained["fromCompromiseSeconds"]! > 0);
            var reached = DateTimeOffset.Parse((string)contained["reachedAt"]!, System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(run.Incident.ContainedAt.ToDateTimeOffset(), reached, TimeSpan.FromMilliseconds(1));
        }

        Assert.Equal(run.Incident.Credentials.Count, report["credentials"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("multi-account-org")]
    [InlineData("single-account-key-leak")]
    [InlineData("single-account-tamper")]
    public async Task Report_OfASandboxIncident_ContainsNoSecretInAnyFormat(string scenario)
    {
        var run = await SandboxResponse.RunAsync(scenario);

        Assert.NotEmpty(run.Secrets);
        foreach (var report in new[] { run.Json, run.Markdown, run.Html })
        {
            foreach (var secret in run.Secrets)
            {
                Assert.False(report.Content.Contains(secret, StringComparison.Ordinal), $"{scenario}: the {report.Format} report contains a secret of the scenario ({secret.Length} characters, starting {secret[..4]}).");
            }
        }
    }

    [Theory]
    [InlineData("multi-account-org")]
    [InlineData("single-account-key-leak")]
    [InlineData("single-account-tamper")]
    public async Task Html_OfASandboxIncident_RendersInHeadlessChromium(string scenario)
    {
        var run = await SandboxResponse.RunAsync(scenario);
        var output = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "TestResults", scenario)).FullName;
        var html = Path.Combine(output, "report.html");
        await File.WriteAllTextAsync(html, run.Html.Content, Utf8);
        await File.WriteAllTextAsync(Path.Combine(output, "report.md"), run.Markdown.Content, Utf8);
        await File.WriteAllTextAsync(Path.Combine(output, "report.json"), run.Json.Content, Utf8);

        Assert.Equal("text/html; charset=utf-8", run.Html.ContentType);
        await HeadlessChromium.ScreenshotAsync(html, Path.Combine(output, "report-screenshot.png"));
    }

    [Fact]
    public async Task Report_OfATamperedAccount_ShowsEveryChangeRestoredWithItsStrategyAndResult()
    {
        var run = await SandboxResponse.RunAsync("single-account-tamper");
        var report = Json(run);
        var recovery = report["recovery"]!.AsArray();

        Assert.Equal(Phase.Recovered, run.Incident.Phase);
        Assert.Equal(
            [
                "arn:aws:iam::444455556666:policy/app-config-read restore-from-backup succeeded",
                "arn:aws:iam::444455556666:role/app-runtime restore-from-backup succeeded",
                "arn:aws:iam::444455556666:role/reports-reader recreate-from-cmdb succeeded",
                "arn:aws:s3:::acme-prod-app-config/config.json restore-from-backup succeeded",
            ],
            recovery.Select(r => $"{r!["resource"]!["arn"]} {r["strategy"]} {r["status"]}").Order(StringComparer.Ordinal));
        var recoverySteps = report["actions"]!.AsArray().Where(a => (string?)a!["planKind"] == "recovery").ToList();
        Assert.Contains(recoverySteps, a => (string?)a!["action"] == "iam:SetDefaultPolicyVersion" && (string?)a["status"] == "succeeded");
        Assert.Contains(recoverySteps, a => (string?)a!["action"] == "iam:PutRolePermissionsBoundary" && (string?)a["status"] == "succeeded");
        Assert.All(recoverySteps, a => Assert.NotEmpty(a!["journal"]!.AsArray()));
        Assert.Contains("app-platform", run.Markdown.Content, StringComparison.Ordinal);
        Assert.NotNull(report["durations"]!["timeToRecover"]);
    }

    private static JsonNode Json(ScenarioRun run)
    {
        Assert.Equal("application/json; charset=utf-8", run.Json.ContentType);
        return JsonNode.Parse(run.Json.Content)!;
    }

    private static string Name<TEnum>(TEnum value)
        where TEnum : struct, Enum => ProtoValues.Name(value);
}

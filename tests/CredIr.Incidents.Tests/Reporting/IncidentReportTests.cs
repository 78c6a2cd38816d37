using System.Globalization;
using System.Text.Json.Nodes;
using CredIr.Contracts.V1;
using Grpc.Core;
using CredIr.Incidents.Storage;
using CredIr.Incidents.Tests.Infrastructure;
using CredIr.Incidents.Tests.Phases;

namespace CredIr.Incidents.Tests.Reporting;

/// <summary>
/// GetReport on the coordinator: the report is built from the incident document, the findings and
/// journal in the store and the evidence log (the phase services are stand-ins here; the sandbox
/// run is in CredIr.Reports.Tests).
/// </summary>
public sealed class IncidentReportTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    private string Store => "sqlite:" + Path.Combine(_directory.Path, "credir.db");

    [Fact]
    public async Task Report_OfARecoveredIncident_HasEveryStepWithItsAutoApprovalAndJournalAndTheThreeDurations()
    {
        await using var coordinator = await IncidentHarness.StartAsync(Store, new PhaseStandIns(new FakeCloud()).Register, new Dictionary<string, string?> { ["AutoApprove:Name"] = "soar-playbook", ["AutoApprove:AllowOnRequest"] = "true" });
        var opened = await coordinator.Service.OpenIncidentAsync(TestIncidents.Open("open-1", autoApprove: true), Calls.As("soar"));
        var incident = await coordinator.Service.AdvanceAsync(new AdvanceRequest { IncidentId = opened.IncidentId }, Calls.As("soar"));

        var report = await Json(coordinator, incident.IncidentId);

        Assert.Equal(Phase.Recovered, incident.Phase);
        var actions = report["actions"]!.AsArray();
        Assert.Equal(
            ["containment-1 deactivate-AKIAEXAMPLE0000001", "containment-2 deactivate-AKIADERIVED000000001", "eradication-1 delete-backdoor", "identification notify-stakeholders", "recovery-1 bucket-policy"],
            actions.Select(a => $"{a!["planId"]} {a["stepId"]}").Order(StringComparer.Ordinal));
        Assert.All(actions, a =>
        {
            Assert.Equal("succeeded", (string?)a!["status"]);
            // Notifying stakeholders changes nothing in the cloud: it needs no approval.
            Assert.Equal((string?)a["planId"] == "identification" ? "" : "auto-approved (policy soar-playbook)", (string?)a["approvedBy"]);
            Assert.Single(a["journal"]!.AsArray());
        });
        Assert.Equal("restored policy version v3", (string?)actions.Single(a => (string?)a!["planId"] == "recovery-1")!["result"]);
        Assert.Equal(["ev-1", "ev-2", "ev-3"], report["timeline"]!["actorActions"]!.AsArray().Select(a => (string?)a!["eventId"]));
        Assert.Equal(incident.RecoveredAt.ToDateTimeOffset(), Reached(report, "timeToRecover"));
        Assert.Equal(incident.EradicatedAt.ToDateTimeOffset(), Reached(report, "timeToEradicate"));
        Assert.Equal(incident.ContainedAt.ToDateTimeOffset(), Reached(report, "timeToContain"));
        var evidence = await coordinator.Service.VerifyEvidenceAsync(new VerifyEvidenceRequest { IncidentId = incident.IncidentId }, Calls.As("auditor"));
        Assert.Equal(evidence.Entries, report["evidence"]!["entries"]!.AsArray().Count);
        Assert.Equal(evidence.HeadHash, (string?)report["evidence"]!["entries"]!.AsArray()[^1]!["hash"]);
    }

    [Fact]
    public async Task Report_DerivedKeyReopensContainment_TimeToContainIsWhenTheLastCredentialWasContained()
    {
        var settings = new Dictionary<string, string?>();
        await using var coordinator = await IncidentHarness.StartAsync(Store, new PhaseStandIns(new FakeCloud()).Register, settings);
        var service = coordinator.Service;
        var id = (await service.OpenIncidentAsync(TestIncidents.Open("open-1", Severity.Medium), Calls.As("alice"))).IncidentId;
        await service.AdvanceAsync(new AdvanceRequest { IncidentId = id }, Calls.As("alice"));
        coordinator.Time.Advance(TimeSpan.FromMinutes(5));
        await service.ApproveAsync(new DecideRequest { IncidentId = id, ApprovalId = "containment-1-approval" }, Calls.As("bob"));
        var reopened = await service.AdvanceAsync(new AdvanceRequest { IncidentId = id }, Calls.As("alice"));

        var whileReopened = await Json(coordinator, id);
        coordinator.Time.Advance(TimeSpan.FromMinutes(7));
        await service.ApproveAsync(new DecideRequest { IncidentId = id, ApprovalId = "containment-2-approval" }, Calls.As("bob"));
        var contained = await service.AdvanceAsync(new AdvanceRequest { IncidentId = id }, Calls.As("alice"));
        var afterwards = await Json(coordinator, id);

        Assert.Equal(Phase.Containing, reopened.Phase);
        Assert.NotNull(reopened.ContainedAt);
        Assert.Null(whileReopened["durations"]!["timeToContain"]);
        Assert.Equal(TestIncidents.Start.AddMinutes(12), contained.ContainedAt.ToDateTimeOffset());
        Assert.Equal(contained.ContainedAt.ToDateTimeOffset(), Reached(afterwards, "timeToContain"));
        Assert.All(afterwards["actions"]!.AsArray().Where(a => (string?)a!["planKind"] == "containment"), a => Assert.Equal("bob", (string?)a!["approvedBy"]));
    }

    [Fact]
    public async Task Report_StepStartedByACoordinatorThatDied_ShowsTheStepAsStartedWithoutResult()
    {
        await using var coordinator = await IncidentHarness.StartAsync(Store, new PhaseStandIns(new FakeCloud()).Register);
        var service = coordinator.Service;
        var id = (await service.OpenIncidentAsync(TestIncidents.Open("open-1", Severity.Medium), Calls.As("alice"))).IncidentId;
        await service.AdvanceAsync(new AdvanceRequest { IncidentId = id }, Calls.As("alice"));
        await service.ApproveAsync(new DecideRequest { IncidentId = id, ApprovalId = "containment-1-approval" }, Calls.As("bob"));
        await coordinator.Store.TryAppendJournalAsync(
            new JournalRecord(id, "containment-1/deactivate-AKIAEXAMPLE0000001", "containment-1", JournalKind.Intent, StepStatus.Started, TestIncidents.Start, "{}"),
            CancellationToken.None);

        var report = await Json(coordinator, id);

        var step = Assert.Single(report["actions"]!.AsArray(), a => (string?)a!["planId"] == "containment-1");
        Assert.Equal("started", (string?)step!["status"]);
        Assert.Equal("bob", (string?)step["approvedBy"]);
        Assert.Contains("no result journaled", (string?)step["result"], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(ReportFormat.Unspecified, "application/json; charset=utf-8", "\"schemaVersion\"")]
    [InlineData(ReportFormat.Markdown, "text/markdown; charset=utf-8", "# Post-incident report")]
    [InlineData(ReportFormat.Html, "text/html; charset=utf-8", "<!DOCTYPE html>")]
    public async Task Report_InEachFormat_ComesWithItsContentType(ReportFormat format, string contentType, string start)
    {
        await using var coordinator = await IncidentHarness.StartAsync(Store);
        var id = (await coordinator.Service.OpenIncidentAsync(TestIncidents.Open("open-1"), Calls.As("alice"))).IncidentId;

        var report = await coordinator.Service.GetReportAsync(new GetReportRequest { IncidentId = id, Format = format }, Calls.As("viewer"));

        Assert.Equal((id, contentType), (report.IncidentId, report.ContentType));
        Assert.Contains(start, report.Content, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_InAnUnknownFormat_IsInvalidArgumentNamingTheFormats()
    {
        await using var coordinator = await IncidentHarness.StartAsync(Store);
        var id = (await coordinator.Service.OpenIncidentAsync(TestIncidents.Open("open-1"), Calls.As("alice"))).IncidentId;

        var error = await Assert.ThrowsAsync<RpcException>(() => coordinator.Service.GetReportAsync(new GetReportRequest { IncidentId = id, Format = (ReportFormat)42 }, Calls.As("viewer")).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains("REPORT_FORMAT_HTML", error.Status.Detail, StringComparison.Ordinal);
    }

    public void Dispose() => _directory.Dispose();

    private static async Task<JsonNode> Json(IncidentHarness coordinator, string id)
    {
        var report = await coordinator.Service.GetReportAsync(new GetReportRequest { IncidentId = id, Format = ReportFormat.Json }, Calls.As("viewer"));
        return JsonNode.Parse(report.Content)!;
    }

    private static DateTimeOffset Reached(JsonNode report, string duration) =>
        DateTimeOffset.Parse((string)report["durations"]![duration]!["reachedAt"]!, CultureInfo.InvariantCulture);
}

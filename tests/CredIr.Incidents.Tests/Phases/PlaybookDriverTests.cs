using CredIr.Contracts.V1;
using Grpc.Core;
using CredIr.Incidents.Tests.Infrastructure;

namespace CredIr.Incidents.Tests.Phases;

/// <summary>
/// The coordinator driving the playbook against stand-ins for the phase services, so each test
/// picks what a phase answers; the store, grains, journal and evidence are real. The runs against
/// the real phase services and the sandbox are the Durability tests and the CLI's respond tests.
/// </summary>
public sealed class PlaybookDriverTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    private string Store => "sqlite:" + Path.Combine(_directory.Path, "credir.db");

    [Fact]
    public async Task Advance_WithApprovals_WalksEveryPhaseAndLoopsBackForTheDerivedKey()
    {
        var phases = new PhaseStandIns(new FakeCloud());
        await using var coordinator = await IncidentHarness.StartAsync(Store, phases.Register);
        var service = coordinator.Service;
        var incident = await service.OpenIncidentAsync(TestIncidents.Open("open-1", Severity.Medium), Calls.As("alice"));
        var id = incident.IncidentId;

        incident = await service.AdvanceAsync(new AdvanceRequest { IncidentId = id }, Calls.As("alice"));
        Assert.Equal(Phase.Containing, incident.Phase);
        Assert.Equal("approval containment-1-approval of the containment plan (1 steps)", incident.WaitingFor);
        Assert.Equal(StandInIdentification.FirstSeen, incident.CompromiseWindow.Start.ToDateTimeOffset());
        Assert.Equal(["Payments team"], incident.Stakeholders.Select(s => s.Name));

        var selfApproval = await Assert.ThrowsAsync<RpcException>(() => Decide(service, id, "containment-1-approval", "alice"));
        Assert.Equal(StatusCode.PermissionDenied, selfApproval.StatusCode);

        incident = await ApproveAndAdvance(service, id, "containment-1-approval");
        Assert.Equal(Phase.Containing, incident.Phase);
        Assert.Equal("approval containment-2-approval of the containment plan (1 steps)", incident.WaitingFor);
        Assert.Contains(incident.Credentials, c => c.AccessKeyId == StandInEradication.DerivedKey && c.Provenance.Depth == 1);

        incident = await ApproveAndAdvance(service, id, "containment-2-approval");
        Assert.Equal(Phase.Eradicating, incident.Phase);
        Assert.Equal("approval eradication-1-approval of the eradication plan (1 steps)", incident.WaitingFor);

        incident = await ApproveAndAdvance(service, id, "eradication-1-approval");
        Assert.Equal(Phase.Recovering, incident.Phase);

        incident = await ApproveAndAdvance(service, id, "recovery-1-approval");
        Assert.Equal(Phase.Recovered, incident.Phase);
        Assert.True(incident.Findings.ScanComplete);
        Assert.Equal(1, phases.Eradication.Scans);
        Assert.Equal(["ev-1", "ev-2", "ev-3"], (await coordinator.Store.ReadFindingsAsync(id, CancellationToken.None).ToListAsync()).Select(e => e.EventId));
        Assert.Equal(
            ["deactivate AKIADERIVED000000001", "deactivate AKIAEXAMPLE0000001", "iam:DeleteUser backdoor", "restore payments-data"],
            phases.Cloud.Effects.Where(e => e.Value == 1).Select(e => e.Key).Order(StringComparer.Ordinal));
        Assert.All(incident.Journal, entry => Assert.Equal("bob", entry.ApprovedBy));
        var checkpoint = Assert.Single(await coordinator.Store.ReadCheckpointsAsync(id, CancellationToken.None));
        Assert.True(checkpoint.Done);

        var closed = await service.CloseIncidentAsync(new CloseIncidentRequest { IncidentId = id, LessonsLearned = "no long-lived keys in CI" }, Calls.As("alice"));
        var evidence = await service.VerifyEvidenceAsync(new VerifyEvidenceRequest { IncidentId = id }, Calls.As("auditor"));
        Assert.Equal(Phase.Closed, closed.Phase);
        Assert.True(evidence.Intact, evidence.Message);
    }

    [Fact]
    public async Task Advance_AutoApprovedIncident_RunsToRecoveredInOneCall()
    {
        var phases = new PhaseStandIns(new FakeCloud());
        await using var coordinator = await IncidentHarness.StartAsync(Store, phases.Register, new Dictionary<string, string?> { ["AutoApprove:Name"] = "soar-playbook", ["AutoApprove:AllowOnRequest"] = "true" });
        var opened = await coordinator.Service.OpenIncidentAsync(TestIncidents.Open("open-1", autoApprove: true), Calls.As("soar"));

        var incident = await coordinator.Service.AdvanceAsync(new AdvanceRequest { IncidentId = opened.IncidentId }, Calls.As("soar"));

        Assert.Equal(Phase.Recovered, incident.Phase);
        Assert.Equal(4, incident.Approvals.Count);
        Assert.All(incident.Approvals, a => Assert.Equal((ApprovalDecision.AutoApproved, "soar-playbook"), (a.Decision, a.AutoApprovalPolicy)));
        Assert.All(incident.Journal, entry => Assert.Equal("policy:soar-playbook", entry.ApprovedBy));
    }

    [Fact]
    public async Task DeactivationFailing_AdvancedAgain_RetriedInANewPlan_StaysContainingWithTheKeyActiveAndTheReason()
    {
        var phases = new PhaseStandIns(new FakeCloud());
        phases.Containment.FailKey = "AKIAEXAMPLE0000001";
        await using var coordinator = await IncidentHarness.StartAsync(Store, phases.Register, new Dictionary<string, string?> { ["AutoApprove:Name"] = "soar-playbook", ["AutoApprove:AllowOnRequest"] = "true" });
        var opened = await coordinator.Service.OpenIncidentAsync(TestIncidents.Open("open-1", autoApprove: true), Calls.As("soar"));

        await coordinator.Service.AdvanceAsync(new AdvanceRequest { IncidentId = opened.IncidentId }, Calls.As("soar"));
        var incident = await coordinator.Service.AdvanceAsync(new AdvanceRequest { IncidentId = opened.IncidentId }, Calls.As("soar"));

        Assert.Equal(Phase.Containing, incident.Phase);
        Assert.Null(incident.ContainedAt);
        Assert.NotEqual("Inactive", incident.Credentials.Single(c => c.AccessKeyId == "AKIAEXAMPLE0000001").Status);
        Assert.Contains("step containment-2/deactivate-AKIAEXAMPLE0000001 failed; fix the cause and advance to retry", incident.WaitingFor, StringComparison.Ordinal);
        Assert.Contains("AccessDenied", incident.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeactivationFailed_CauseFixedThenAdvanced_RetriedInANewPlanAndContained()
    {
        var cloud = new FakeCloud();
        var phases = new PhaseStandIns(cloud);
        phases.Containment.FailKey = "AKIAEXAMPLE0000001";
        await using var coordinator = await IncidentHarness.StartAsync(Store, phases.Register, new Dictionary<string, string?> { ["AutoApprove:Name"] = "soar-playbook", ["AutoApprove:AllowOnRequest"] = "true" });
        var opened = await coordinator.Service.OpenIncidentAsync(TestIncidents.Open("open-1", autoApprove: true), Calls.As("soar"));
        var stuck = await coordinator.Service.AdvanceAsync(new AdvanceRequest { IncidentId = opened.IncidentId }, Calls.As("soar"));
        Assert.Equal(Phase.Containing, stuck.Phase);

        // The responder grants the missing permission, then advances.
        phases.Containment.FailKey = null;
        var incident = await coordinator.Service.AdvanceAsync(new AdvanceRequest { IncidentId = opened.IncidentId }, Calls.As("soar"));

        Assert.NotNull(incident.ContainedAt);
        Assert.Equal("Inactive", incident.Credentials.Single(c => c.AccessKeyId == "AKIAEXAMPLE0000001").Status);
        Assert.Equal(1, cloud.Effects["deactivate AKIAEXAMPLE0000001"]);
        Assert.True(incident.Plans.Count(p => p.Kind == PlanKind.Containment) >= 2, "the retry was not a plan of its own");
    }

    [Fact]
    public async Task CoordinatorDiesAfterCloudCall_RestartedCoordinator_FinishesWithoutRepeatingIt()
    {
        var cloud = new FakeCloud();
        var phases = new PhaseStandIns(cloud);
        phases.Containment.CrashAfterNextEffect = true;
        var settings = new Dictionary<string, string?> { ["AutoApprove:MinSeverity"] = "High" };
        string id;
        await using (var dying = await IncidentHarness.StartAsync(Store, phases.Register, settings))
        {
            id = (await dying.Service.OpenIncidentAsync(TestIncidents.Open("open-1"), Calls.As("alice"))).IncidentId;
            using var dies = new CancellationTokenSource();
            var advancing = dying.Service.AdvanceAsync(new AdvanceRequest { IncidentId = id }, Calls.Cancelling("alice", dies.Token)).ResponseAsync;
            Assert.True(await Eventually.Within(phases.Containment.EffectDone.Task, "the containment's cloud call"));
            await dies.CancelAsync();
            await Assert.ThrowsAsync<RpcException>(() => advancing);
        }

        await using var restarted = await IncidentHarness.StartAsync(Store, new PhaseStandIns(cloud).Register, settings);
        var incident = await restarted.Service.AdvanceAsync(new AdvanceRequest { IncidentId = id }, Calls.As("alice"));

        Assert.Equal(Phase.Recovered, incident.Phase);
        Assert.Equal(1, cloud.Effects["deactivate AKIAEXAMPLE0000001"]);
        var first = incident.Journal.First(j => j.StepId == "containment-1/deactivate-AKIAEXAMPLE0000001");
        Assert.Equal(StepStatus.AlreadyDone, first.Status);
    }

    [Fact]
    public async Task Advance_WithoutPhaseServices_SaysWhatItWaitsFor()
    {
        await using var coordinator = await IncidentHarness.StartAsync(Store);
        var opened = await coordinator.Service.OpenIncidentAsync(TestIncidents.Open("open-1"), Calls.As("alice"));

        var incident = await coordinator.Service.AdvanceAsync(new AdvanceRequest { IncidentId = opened.IncidentId }, Calls.As("alice"));

        Assert.Equal(Phase.Opened, incident.Phase);
        Assert.Equal("the identification service to be configured", incident.WaitingFor);
    }

    public void Dispose() => _directory.Dispose();

    private static Task<Incident> Decide(CredIr.Contracts.V1.Incidents.IncidentsClient service, string id, string approvalId, string who) =>
        service.ApproveAsync(new DecideRequest { IncidentId = id, ApprovalId = approvalId, Reason = "reviewed" }, Calls.As(who)).ResponseAsync;

    private static async Task<Incident> ApproveAndAdvance(CredIr.Contracts.V1.Incidents.IncidentsClient service, string id, string approvalId)
    {
        await Decide(service, id, approvalId, "bob");
        return await service.AdvanceAsync(new AdvanceRequest { IncidentId = id }, Calls.As("alice"));
    }
}

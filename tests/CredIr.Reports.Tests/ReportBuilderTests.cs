using CredIr.Contracts.V1;
using CredIr.Reports.Model;
using CredIr.Reports.Tests.Fixtures;
using static CredIr.Reports.Tests.Fixtures.SampleEvents;

namespace CredIr.Reports.Tests;

public sealed class ReportBuilderTests
{
    private static IncidentReport Build(ReportInput? input = null) =>
        new ReportBuilder(new FakeTimeProvider(SampleEvidence.GeneratedAt)).Build(input ?? SampleEvidence.Input());

    [Fact]
    public void Build_RecoveredIncident_MeasuresEachPhaseFromCompromiseAndFromDetection()
    {
        var d = Build().Durations;

        Assert.Equal(Times.At(SampleIncident.ContainedAt), d.TimeToContain!.ReachedAt);
        Assert.Equal((2 * 3600) + (52 * 60) + 30, d.TimeToContain.FromCompromiseSeconds);
        Assert.Equal((22 * 60) + 30, d.TimeToContain.FromDetectionSeconds);
        Assert.Equal((5 * 3600) + (15 * 60), d.TimeToEradicate!.FromCompromiseSeconds);
        Assert.Equal((2 * 3600) + (45 * 60), d.TimeToEradicate.FromDetectionSeconds);
        Assert.Equal(25 * 3600, d.TimeToRecover!.FromCompromiseSeconds);
        Assert.Equal((22 * 3600) + (30 * 60), d.TimeToRecover.FromDetectionSeconds);
    }

    [Fact]
    public void Build_IncidentNotContainedYet_LeavesDurationsEmptyAndSaysSo()
    {
        var input = SampleEvidence.Input();
        input.Incident.ContainedAt = null;
        input.Incident.EradicatedAt = null;
        input.Incident.RecoveredAt = null;
        input.Incident.Phase = Phase.Containing;

        var report = Build(input);

        Assert.Null(report.Durations.TimeToContain);
        Assert.Null(report.Durations.TimeToEradicate);
        Assert.Null(report.Durations.TimeToRecover);
        Assert.Contains("not contained yet", report.Summary.VerdictText, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_Summary_SaysWhatLeakedSinceWhenHowFoundAndTheVerdict()
    {
        var s = Build().Summary;

        Assert.Equal([$"access key {LeakedKey} of {UserArn} in account {Account}"], s.WhatLeaked);
        Assert.Equal(Times.At(SampleIncident.CompromisedAt), s.CompromisedAt);
        Assert.Equal("finding", s.CompromiseBasis);
        Assert.Equal(Times.At(SampleIncident.OpenedAt), s.DetectedAt);
        Assert.Equal("guardduty-finding", s.Detection.InputKind);
        Assert.Equal("gd-7f3a", s.Detection.Value);
        Assert.Contains("UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS", s.Detection.Description, StringComparison.Ordinal);
        Assert.Equal("recovered", s.Phase);
        Assert.Equal("confirmed-misuse", s.Verdict);
        Assert.Equal(11, s.ActorEventCount);
        Assert.Equal(1, s.ActorFailedEventCount);
        Assert.Equal(2, s.DerivedCredentialCount);
        Assert.Equal([Account, MemberAccount], s.Accounts);
        Assert.Equal(["eu-west-1", "us-east-1"], s.Regions);
        Assert.Single(s.Gaps);
    }

    [Fact]
    public void Build_NoActorCallsInACompleteScan_VerdictIsNoActivityFound()
    {
        var input = SampleEvidence.Input() with { ActorEvents = [] };

        var s = Build(input).Summary;

        Assert.Equal("no-actor-activity-found", s.Verdict);
        Assert.Equal(0, s.ActorEventCount);
    }

    [Fact]
    public void Build_Timeline_HasALanePerCategoryAndEveryMilestoneInOrder()
    {
        var t = Build().Timeline;

        Assert.Equal(SampleEvents.All().Select(e => e.EventId), t.ActorActions.Select(a => a.EventId));
        var lanes = t.Lanes.ToDictionary(l => l.Category, l => l.Count);
        Assert.Equal(2, lanes["reconnaissance"]);
        Assert.Equal(3, lanes["identity-persistence"]);
        Assert.Equal(2, lanes["creation"]);
        Assert.Equal(1, lanes["uncategorized"]);
        Assert.Equal(["compromised", "detected", "identified", "contained", "eradicated", "recovered"], t.Milestones.Select(m => m.Name));
        Assert.Equal(Times.At("2026-11-20T10:34:00Z"), t.Milestones.Single(m => m.Name == "identified").At);
        Assert.Equal(Times.At(SampleIncident.CompromisedAt), t.Start);
        Assert.Equal(Times.At(SampleIncident.RecoveredAt), t.End);
    }

    [Fact]
    public void Build_Indicators_CountEachValueWithFirstAndLastSighting()
    {
        var indicators = Build().Indicators;

        var ip = indicators.Single(i => i.Type == "source-ip" && i.Value == ActorIp);
        Assert.Equal(10, ip.Count);
        Assert.Equal(Times.At("2026-11-20T08:02:00Z"), ip.FirstSeen);
        Assert.Equal(Times.At("2026-11-20T08:31:00Z"), ip.LastSeen);
        Assert.Equal(1, indicators.Single(i => i.Type == "user-agent" && i.Value == HostileAgent).Count);
        Assert.Equal(1, indicators.Single(i => i.Type == "region" && i.Value == "eu-west-1").Count);
        Assert.Equal(1, indicators.Single(i => i.Type == "account-id" && i.Value == MemberAccount).Count);
        Assert.Contains(indicators, i => i.Type == "principal-arn" && i.Value == UserArn);
        var derived = indicators.Single(i => i.Type == "access-key-id" && i.Value == DerivedKey);
        Assert.Equal(0, derived.Count);
        Assert.Equal(Times.At("2026-11-20T08:11:00Z"), derived.FirstSeen);
        Assert.Equal("access-key-id", indicators[0].Type);
    }

    [Fact]
    public void Build_CredentialGraph_LinksEachDerivedCredentialToItsParentByTheCreatingEvent()
    {
        var report = Build();

        Assert.Equal(3, report.Credentials.Count);
        Assert.Equal(
            [(LeakedKey, DerivedKey, "e-05", "CreateAccessKey"), (LeakedKey, DerivedSession, "e-06", "AssumeRole")],
            report.CredentialGraph.Select(e => (e.From, e.To, e.EventId, e.EventName)));
        Assert.Equal("role-session", report.Credentials.Single(c => c.Id == DerivedSession).Kind);
    }

    [Fact]
    public void Build_CredentialDerivedFromARoleWithoutKey_PointsAtTheRoleNode()
    {
        var input = SampleEvidence.Input();
        input.Incident.Credentials.Add(new Credential { Kind = CredentialKind.Role, PrincipalArn = "arn:aws:iam::111122223333:role/passed", Provenance = new Provenance { Depth = 1, DerivedFromAccessKeyId = LeakedKey, CreatedByEventId = "e-07" } });
        input.Incident.Credentials.Add(new Credential { AccessKeyId = "ASIAFROMPASSEDROLE04", Kind = CredentialKind.RoleSession, PrincipalArn = "arn:aws:sts::111122223333:assumed-role/passed/i-1", Provenance = new Provenance { Depth = 2, DerivedFromPrincipalArn = "arn:aws:iam::111122223333:role/passed", CreatedByEventId = "e-99" } });

        var edges = Build(input).CredentialGraph;

        Assert.Contains(edges, e => e.From == "arn:aws:iam::111122223333:role/passed" && e.To == "ASIAFROMPASSEDROLE04");
    }

    [Fact]
    public void Build_Actions_ShowWhoApprovedEachStepAndItsResult()
    {
        var actions = Build().Actions.ToDictionary(a => a.StepId);

        Assert.Equal(["step-c1", "step-c2", "step-c3", "step-e1", "step-e2", "step-e3", "step-e4", "step-r1", "step-r2"], actions.Keys);
        Assert.Equal($"auto-approved (policy {SampleIncident.AutoPolicy})", actions["step-c1"].ApprovedBy);
        Assert.Equal("auto-approved", actions["step-c1"].ApprovalDecision);
        Assert.Equal(SampleIncident.AutoPolicy, actions["step-c1"].AutoApprovalPolicy);
        Assert.Equal(2, actions["step-c1"].Journal.Count);
        Assert.Equal(SampleIncident.Approver, actions["step-e1"].ApprovedBy);
        Assert.Equal("failed", actions["step-e3"].Status);
        Assert.Equal(SampleIncident.FailedStepMessage, actions["step-e3"].Result);
        Assert.Equal("already-done", actions["step-c3"].Status);
        Assert.Equal("recovery", actions["step-r1"].PlanKind);
        Assert.Equal(SampleIncident.Approver, actions["step-r1"].ApprovedBy);
        Assert.Equal("manual", actions["step-r2"].Status);
    }

    [Fact]
    public void Build_PlanStepStillPlannedButJournaled_TakesStatusAndResultFromTheJournal()
    {
        var step = Build().Actions.Single(a => a.StepId == "step-e4");

        Assert.Equal("succeeded", step.Status);
        Assert.Equal("User backup-admin deleted", step.Result);
        Assert.Equal(Times.At("2026-11-20T12:55:00Z"), step.ExecutedAt);
    }

    [Fact]
    public void Build_Approvals_IncludeTheRejectedPlan()
    {
        var rejected = Build().Approvals.Single(a => a.Decision == "rejected");

        Assert.Equal(SampleIncident.Approver, rejected.DecidedBy);
        Assert.Equal("plan-eradicate-1", rejected.PlanId);
    }

    [Fact]
    public void Build_AffectedApplications_ListOwnersAndTheActorsResources()
    {
        var apps = Build().AffectedApplications.ToDictionary(a => a.Name);

        Assert.Equal(["ci-pipeline", "payroll"], apps.Keys);
        Assert.Equal(["Dana Ortiz <dana.ortiz@example.com>"], apps["payroll"].Owners);
        Assert.Contains("arn:aws:ec2:eu-west-1:444455556666:instance/i-0abc123def4567890", apps["payroll"].Resources);
        Assert.Contains("arn:aws:s3:::payroll-archive", apps["payroll"].Resources);
    }

    [Fact]
    public void Build_Evidence_ListsEntriesByHashWithTheChainVerdict()
    {
        var input = SampleEvidence.Input();
        var report = Build(input);

        Assert.Equal("intact", report.Evidence.Verdict);
        Assert.Equal(input.Evidence.Select(e => (e.Sequence, e.Hash, e.PreviousHash)), report.Evidence.Entries.Select(e => (e.Sequence, e.Hash, e.PreviousHash)));
        var broken = Build(input with { EvidenceVerification = new VerifyEvidenceResponse { Intact = false, Entries = 6, FirstBadSequence = 4, Message = "hash mismatch at 4" } });
        Assert.Equal("broken", broken.Evidence.Verdict);
        Assert.Equal(4, broken.Evidence.Verification!.FirstBadSequence);
        Assert.Equal("not-verified", Build(input with { EvidenceVerification = null }).Evidence.Verdict);
    }

    [Fact]
    public void Build_Lessons_AskTheSeedsQuestionsWithObservationsAndKeepRecordedLessons()
    {
        var lessons = Build().LessonsLearned;

        Assert.Equal(["attack-vectors", "misconfigurations", "mitigations", "what-worked", "what-did-not-work", "forensics", "stakeholder-review"], lessons.Prompts.Select(p => p.Id));
        Assert.All(lessons.Prompts, p => Assert.Equal("", p.Answer));
        var didNotWork = lessons.Prompts.Single(p => p.Id == "what-did-not-work").Observations;
        Assert.Contains(didNotWork, o => o.Contains("step-e3", StringComparison.Ordinal) && o.Contains(SampleIncident.FailedStepMessage, StringComparison.Ordinal));
        Assert.Contains(didNotWork, o => o.Contains("rejected", StringComparison.Ordinal));
        Assert.Contains(didNotWork, o => o.Contains("HTTP 503", StringComparison.Ordinal));
        Assert.Contains(lessons.Prompts.Single(p => p.Id == "misconfigurations").Observations, o => o.Contains("CreateUser", StringComparison.Ordinal));
        Assert.Equal(2, lessons.Recorded.Count);
        Assert.Contains(lessons.Recorded, n => n.Text.Contains("Secret scanning", StringComparison.Ordinal));
        Assert.Contains(lessons.Recorded, n => n.Text.Contains("permission boundary", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_CmdbUpdates_CoverCredentialsActorResourcesRecoveryApplicationsAndTheProcess()
    {
        var updates = Build().CmdbUpdates;

        Assert.Contains(updates, u => u.Target == LeakedKey && u.Change.Contains("Inactive", StringComparison.Ordinal));
        Assert.Contains(updates, u => u.Target == DerivedSession);
        Assert.Contains(updates, u => u.Target == "arn:aws:iam::111122223333:user/backup-admin" && u.Reason.Contains("CreateUser", StringComparison.Ordinal));
        Assert.Contains(updates, u => u.Target == "arn:aws:ec2:eu-west-1:444455556666:instance/i-0abc123def4567890" && u.Application == "payroll");
        Assert.Contains(updates, u => u.Target == "arn:aws:s3:::payroll-archive" && u.Change.Contains("recreate from cmdb", StringComparison.Ordinal));
        Assert.Contains(updates, u => u.Target == "payroll" && u.Change.Contains("Attach this report", StringComparison.Ordinal));
        Assert.Equal("credential-compromise response process", updates[^1].Target);
    }

    [Fact]
    public void Build_GeneratedAt_ComesFromTheTimeProvider()
    {
        Assert.Equal(SampleEvidence.GeneratedAt, Build().GeneratedAt);
    }

    [Fact]
    public async Task CreateAsync_StreamsOfEventsAndEvidence_BuildTheSameReportAsLists()
    {
        var expected = SampleEvidence.Input();
        var input = await ReportInput.CreateAsync(expected.Incident, Stream(expected.ActorEvents), Stream(expected.Evidence), expected.EvidenceVerification, CancellationToken.None);

        Assert.Equal(expected.ActorEvents, input.ActorEvents);
        Assert.Equal(expected.Evidence, input.Evidence);
    }

    private static async IAsyncEnumerable<T> Stream<T>(IEnumerable<T> items)
    {
        foreach (var item in items)
        {
            await Task.Yield();
            yield return item;
        }
    }
}

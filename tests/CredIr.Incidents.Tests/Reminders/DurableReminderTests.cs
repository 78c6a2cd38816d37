using CredIr.Contracts.V1;
using CredIr.Incidents.Cluster;
using CredIr.Incidents.Grains;
using CredIr.Incidents.Tests.Infrastructure;
using CredIr.Incidents.Tests.Phases;
using Google.Protobuf.WellKnownTypes;

namespace CredIr.Incidents.Tests.Reminders;

/// <summary>
/// What must outlive the process is owned by Orleans reminders in the incident file: the playbook's watch after
/// containment and the retry of a failed phase. Each test stops the coordinator that set the reminder, moves the
/// (shared, fake) clock and starts a new coordinator on the same file: the reminder fires there.
/// </summary>
public sealed class DurableReminderTests : IDisposable
{
    private static readonly Dictionary<string, string?> AutoApprove = new() { ["AutoApprove:Name"] = "soar-playbook", ["AutoApprove:AllowOnRequest"] = "true" };
    private static readonly TimeSpan CheckInterval = TimeSpan.FromMinutes(5);
    private readonly TempDirectory _directory = new();

    private string Store => "sqlite:" + Path.Combine(_directory.Path, "credir.db");

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task PostContainmentWatch_CoordinatorRestartedAfterTheWatchsEnd_EndsOnTheNewCoordinatorWithNoUse()
    {
        var cloud = new FakeCloud();
        var time = new FakeTimeProvider();
        string id;
        await using (var first = await IncidentHarness.StartAsync(Store, new PhaseStandIns(cloud).Register, AutoApprove, time))
        {
            var opened = await first.Service.OpenIncidentAsync(TestIncidents.Open("open-1", autoApprove: true), Calls.As("soar"));
            var recovered = await first.Service.AdvanceAsync(new AdvanceRequest { IncidentId = opened.IncidentId }, Calls.As("soar"));
            id = recovered.IncidentId;
            Assert.Equal(Phase.Recovered, recovered.Phase);
            Assert.Equal(PostContainmentWatchState.Watching, recovered.PostContainmentWatch.State);
            // 30 minutes from containment plus CloudTrail's 15-minute delivery delay.
            Assert.Equal(TestIncidents.Start.AddMinutes(45), recovered.PostContainmentWatch.WatchUntil.ToDateTimeOffset());
        }

        time.Advance(TimeSpan.FromMinutes(46));
        // Listening before the new coordinator starts, so the arming cannot be missed.
        using var armed = new ReminderArmed(IncidentGrain.WatchReminder, GrainOf(id));
        await using (var second = await IncidentHarness.StartAsync(Store, new PhaseStandIns(cloud).Register, time: time))
        {
            await Eventually.Within(armed.Task, "the restarted coordinator to load the watch's reminder from the incident file", 30);
            time.Advance(CheckInterval);
            var ended = await IncidentChanges.Until(second, id, static i => i.PostContainmentWatch.State != PostContainmentWatchState.Watching, "the post-containment watch to end");

            Assert.Equal(PostContainmentWatchState.Ended, ended.PostContainmentWatch.State);
            Assert.Equal(Phase.Recovered, ended.Phase);
            Assert.Contains(ended.Timeline, t => t.What.StartsWith("post-containment watch ended: no call by the contained keys succeeded", StringComparison.Ordinal));
            Assert.Equal(GrainOf(id), second.Grain(id).GetGrainId());
            Assert.Empty((await Reminders().ReadRows(GrainOf(id))).Reminders);
        }
    }

    [Fact]
    public async Task PostContainmentWatch_IncidentClosed_EndsTheWatchAndItsReminder()
    {
        await using var coordinator = await IncidentHarness.StartAsync(Store, new PhaseStandIns(new FakeCloud()).Register, AutoApprove);
        var opened = await coordinator.Service.OpenIncidentAsync(TestIncidents.Open("open-1", autoApprove: true), Calls.As("soar"));
        var recovered = await coordinator.Service.AdvanceAsync(new AdvanceRequest { IncidentId = opened.IncidentId }, Calls.As("soar"));
        var watched = (await Reminders().ReadRows(GrainOf(opened.IncidentId))).Reminders.Select(static r => r.ReminderName).ToList();

        var closed = await coordinator.Service.CloseIncidentAsync(new CloseIncidentRequest { IncidentId = opened.IncidentId, LessonsLearned = "rotate CI keys" }, Calls.As("soar"));

        Assert.Equal(PostContainmentWatchState.Watching, recovered.PostContainmentWatch.State);
        Assert.Equal([IncidentGrain.WatchReminder], watched);
        Assert.Equal(PostContainmentWatchState.Ended, closed.PostContainmentWatch.State);
        Assert.StartsWith("post-containment watch stopped at", closed.PostContainmentWatch.Summary, StringComparison.Ordinal);
        Assert.Empty((await Reminders().ReadRows(GrainOf(opened.IncidentId))).Reminders);
    }

    [Fact]
    public async Task PostContainmentWatch_LateUseFoundAfterRestart_ReopensContainmentAndTellsTheResponder()
    {
        var cloud = new FakeCloud();
        var time = new FakeTimeProvider();
        string id;
        await using (var first = await IncidentHarness.StartAsync(Store, new PhaseStandIns(cloud).Register, time: time))
        {
            var service = first.Service;
            var incident = await service.OpenIncidentAsync(TestIncidents.Open("open-1"), Calls.As("alice"));
            id = incident.IncidentId;
            await service.AdvanceAsync(new AdvanceRequest { IncidentId = id }, Calls.As("alice"));
            await ApproveAndAdvance(service, id, "containment-1-approval");
            incident = await ApproveAndAdvance(service, id, "containment-2-approval");
            Assert.Equal(Phase.Eradicating, incident.Phase);
            Assert.Equal(PostContainmentWatchState.Watching, incident.PostContainmentWatch.State);
        }

        // The leaked key is used with success three minutes after containment (a deny not applied everywhere).
        cloud.Trail.Enqueue(new TrailEvent
        {
            EventId = "late-1",
            EventName = "ListBuckets",
            EventSource = "s3.amazonaws.com",
            EventTime = Timestamp.FromDateTimeOffset(TestIncidents.Start.AddMinutes(3)),
            AccessKeyId = "AKIAEXAMPLE0000001",
        });
        // Listening before the new coordinator starts, so the arming cannot be missed.
        using var armed = new ReminderArmed(IncidentGrain.WatchReminder, GrainOf(id));
        await using (var second = await IncidentHarness.StartAsync(Store, new PhaseStandIns(cloud).Register, time: time))
        {
            await Eventually.Within(armed.Task, "the restarted coordinator to load the watch's reminder from the incident file", 30);
            time.Advance(CheckInterval);
            var raised = await IncidentChanges.Until(second, id, static i => i.PostContainmentWatch.State == PostContainmentWatchState.UseFound, "the post-containment watch to report the late use");

            Assert.Equal(Phase.Containing, raised.Phase);
            Assert.Equal(["AKIAEXAMPLE0000001"], raised.PostContainmentWatch.UsedKeys);
            Assert.Equal(VerificationVerdict.StillActive, raised.Verification.Verdict);
            Assert.StartsWith("a responder: containment did not hold, AKIAEXAMPLE0000001 made calls that succeeded after containment", raised.WaitingFor, StringComparison.Ordinal);
            Assert.Contains("AKIAEXAMPLE0000001 s3.amazonaws.com ListBuckets", raised.LastError, StringComparison.Ordinal);
            var evidence = await second.Store.ReadEvidenceAsync(id, CancellationToken.None).ToListAsync();
            Assert.Contains(evidence, e => e.Kind == "containment:late-use");
            Assert.Equal(GrainOf(id), second.Grain(id).GetGrainId());
            Assert.Empty((await Reminders().ReadRows(GrainOf(id))).Reminders);
        }
    }

    [Fact]
    public async Task PhaseRetry_EradicationUnavailable_RetriedByTheReminderOnTheRestartedCoordinator()
    {
        var cloud = new FakeCloud();
        var time = new FakeTimeProvider();
        string id;
        var failing = new PhaseStandIns(cloud);
        failing.Eradication.Unavailable = 1;
        await using (var first = await IncidentHarness.StartAsync(Store, failing.Register, AutoApprove, time))
        {
            var opened = await first.Service.OpenIncidentAsync(TestIncidents.Open("open-1", autoApprove: true), Calls.As("soar"));
            var failed = await first.Service.AdvanceAsync(new AdvanceRequest { IncidentId = opened.IncidentId }, Calls.As("soar"));
            id = failed.IncidentId;

            Assert.Equal(Phase.Eradicating, failed.Phase);
            Assert.Equal((Phase.Eradicating, 1), (failed.Retry.Phase, failed.Retry.Attempt));
            Assert.Equal(TestIncidents.Start.AddMinutes(1), failed.Retry.NextAt.ToDateTimeOffset());
            Assert.StartsWith("an automatic retry of the eradicating phase at 12:01:00 UTC (retry 1 of 8)", failed.WaitingFor, StringComparison.Ordinal);
            Assert.Contains("Unavailable", failed.LastError, StringComparison.Ordinal);
        }

        var healthy = new PhaseStandIns(cloud);
        using var armed = new ReminderArmed(IncidentGrain.RetryReminder, GrainOf(id));
        await using (var second = await IncidentHarness.StartAsync(Store, healthy.Register, AutoApprove, time))
        {
            await Eventually.Within(armed.Task, "the restarted coordinator to load the retry's reminder from the incident file", 30);
            time.Advance(TimeSpan.FromMinutes(1));
            var recovered = await IncidentChanges.Until(second, id, static i => i.Phase == Phase.Recovered && i.Retry is null, "the retried incident to reach recovered, its retry done");

            Assert.Empty(recovered.LastError);
            Assert.Equal((0, 1), (failing.Eradication.Scans, healthy.Eradication.Scans));
            Assert.Contains(recovered.Timeline, t => t.What == "the eradicating phase answered again after 1 automatic retry");
            Assert.DoesNotContain((await Reminders().ReadRows(GrainOf(id))).Reminders, r => r.ReminderName == IncidentGrain.RetryReminder);
        }
    }

    [Fact]
    public async Task PhaseRetry_EveryRetryFails_WaitsLongerEachTimeThenForAResponder()
    {
        var phases = new PhaseStandIns(new FakeCloud());
        phases.Eradication.Unavailable = int.MaxValue;
        var settings = new Dictionary<string, string?>(AutoApprove) { ["PhaseRetryAttempts"] = "2" };
        await using var coordinator = await IncidentHarness.StartAsync(Store, phases.Register, settings);
        var opened = await coordinator.Service.OpenIncidentAsync(TestIncidents.Open("open-1", autoApprove: true), Calls.As("soar"));
        var id = opened.IncidentId;

        var first = await coordinator.Service.AdvanceAsync(new AdvanceRequest { IncidentId = id }, Calls.As("soar"));
        var second = await coordinator.Service.AdvanceAsync(new AdvanceRequest { IncidentId = id }, Calls.As("soar"));
        var third = await coordinator.Service.AdvanceAsync(new AdvanceRequest { IncidentId = id }, Calls.As("soar"));

        Assert.Equal(TimeSpan.FromMinutes(1), first.Retry.NextAt.ToDateTimeOffset() - TestIncidents.Start);
        Assert.Equal(TimeSpan.FromMinutes(2), second.Retry.NextAt.ToDateTimeOffset() - TestIncidents.Start);
        Assert.Null(third.Retry);
        Assert.Equal("retry advance once the eradicating phase service answers (2 automatic retries failed)", third.WaitingFor);
        Assert.DoesNotContain((await Reminders().ReadRows(GrainOf(id))).Reminders, r => r.ReminderName == IncidentGrain.RetryReminder);
    }

    private SqliteReminderTable Reminders() => new(Path.Combine(_directory.Path, "credir.db"));

    // Orleans names the grain type after the class, without its "Grain" suffix.
    private static GrainId GrainOf(string incidentId) => GrainId.Create("incident", incidentId);

    private static async Task<Incident> ApproveAndAdvance(CredIr.Contracts.V1.Incidents.IncidentsClient service, string id, string approvalId)
    {
        await service.ApproveAsync(new DecideRequest { IncidentId = id, ApprovalId = approvalId, Reason = "reviewed" }, Calls.As("bob"));
        return await service.AdvanceAsync(new AdvanceRequest { IncidentId = id }, Calls.As("alice"));
    }
}

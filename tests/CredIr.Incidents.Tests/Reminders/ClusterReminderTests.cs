using CredIr.Contracts.V1;
using CredIr.Incidents.Grains;
using CredIr.Incidents.Tests.Infrastructure;
using CredIr.Incidents.Tests.Phases;
using Microsoft.Extensions.DependencyInjection;

namespace CredIr.Incidents.Tests.Reminders;

/// <summary>
/// Two coordinators on one PostgreSQL database (two silos, Orleans' ADO.NET reminders): the node that contained the
/// incident goes, and the post-containment watch it started goes on, and ends, on the other.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ClusterReminderTests(PostgresFixture postgres)
{
    [Fact]
    public async Task PostContainmentWatch_NodeThatContainedTheIncidentStops_TheOtherNodeEndsTheWatch()
    {
        var database = await postgres.CreateDatabaseAsync();
        var cloud = new FakeCloud();
        var time = new FakeTimeProvider();
        var settings = new Dictionary<string, string?> { ["AutoApprove:Name"] = "soar-playbook", ["AutoApprove:AllowOnRequest"] = "true" };
        await using var survivor = await IncidentHarness.StartAsync(database, new PhaseStandIns(cloud).Register, settings, time);
        // Armed on the survivor: at once if its part of the ring holds the incident, else once the first node left.
        using var armed = new ReminderArmed(IncidentGrain.WatchReminder, silo: survivor.Services.GetRequiredService<ILocalSiloDetails>().SiloAddress);
        string id;
        await using (var first = await IncidentHarness.StartAsync(database, new PhaseStandIns(cloud).Register, settings, time))
        {
            var opened = await first.Service.OpenIncidentAsync(TestIncidents.Open("open-1", autoApprove: true), Calls.As("soar"));
            var recovered = await first.Service.AdvanceAsync(new AdvanceRequest { IncidentId = opened.IncidentId }, Calls.As("soar"));
            id = recovered.IncidentId;
            Assert.Equal(PostContainmentWatchState.Watching, recovered.PostContainmentWatch.State);
        }

        await Eventually.Within(armed.Task, "the surviving node to take over the watch's reminder", 60);
        time.Advance(TimeSpan.FromMinutes(46));
        var ended = await IncidentChanges.Until(survivor, id, static i => i.PostContainmentWatch.State != PostContainmentWatchState.Watching, "the post-containment watch to end on the surviving node", 60);

        Assert.Equal(PostContainmentWatchState.Ended, ended.PostContainmentWatch.State);
        Assert.Contains(ended.Timeline, t => t.What.StartsWith("post-containment watch ended", StringComparison.Ordinal));
    }
}

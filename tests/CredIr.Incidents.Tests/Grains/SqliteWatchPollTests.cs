using CredIr.Contracts.Calls;
using CredIr.Contracts.V1;
using CredIr.Incidents.Tests.Infrastructure;

namespace CredIr.Incidents.Tests.Grains;

/// <summary>Two coordinators on one SQLite file (WAL): the store cannot announce writes, so watchers poll.</summary>
public sealed class SqliteWatchPollTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task Watch_ChangeByAnotherCoordinator_ArrivesOnTheNextPollWithoutAWriteHere()
    {
        var store = "sqlite:" + Path.Combine(_directory.Path, "credir.db");
        await using var first = await IncidentHarness.StartAsync(store);
        await using var second = await IncidentHarness.StartAsync(store);
        var opened = await first.Service.OpenIncidentAsync(TestIncidents.Open("open-1"), Calls.As("alice"));
        using var cancel = new CancellationTokenSource();
        await using var watch = first.Service.WatchIncident(new WatchIncidentRequest { IncidentId = opened.IncidentId, FromVersion = 1 }, Calls.Cancelling("viewer", cancel.Token)).Responses().GetAsyncEnumerator(cancel.Token);
        var next = watch.MoveNextAsync();

        await second.Service.AddNoteAsync(new AddNoteRequest { IncidentId = opened.IncidentId, Text = "from the second coordinator" }, Calls.As("bob"));
        var beforePoll = next.IsCompleted;
        first.Time.Advance(TimeSpan.FromSeconds(1));

        Assert.False(beforePoll, "the change arrived before this coordinator polled");
        Assert.True(await Eventually.Within(next, "the other coordinator's note on this coordinator's watch"));
        Assert.Equal((2L, "changed by another coordinator"), (watch.Current.Version, watch.Current.Description));
        await cancel.CancelAsync();
    }
}

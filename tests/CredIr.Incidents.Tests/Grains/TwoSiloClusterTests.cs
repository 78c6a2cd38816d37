using CredIr.Contracts.V1;
using Grpc.Core;
using CredIr.Incidents.Tests.Infrastructure;

namespace CredIr.Incidents.Tests.Grains;

/// <summary>
/// Two coordinators on one PostgreSQL database: two Orleans silos of one cluster. An incident has a
/// single activation in the cluster, so calls through either node reach the same state, in order.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class TwoSiloClusterTests(PostgresFixture postgres)
{
    [Fact]
    public async Task ConcurrentNotes_ThroughTwoNodes_AllKeptInOneVersionEach()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var first = await IncidentHarness.StartAsync(database);
        await using var second = await IncidentHarness.StartAsync(database);
        var opened = await first.Service.OpenIncidentAsync(TestIncidents.Open("open-1"), Calls.As("alice"));

        var notes = Enumerable.Range(0, 20).Select(i =>
        {
            var (harness, author) = i % 2 == 0 ? (first, "alice") : (second, "bob");
            return Task.Run(() => harness.Service.AddNoteAsync(
                new AddNoteRequest { IncidentId = opened.IncidentId, RequestId = $"note-{i}", Text = $"note {i}" }, Calls.As(author)).ResponseAsync);
        });
        await Eventually.Within(Task.WhenAll(notes), "20 notes through two nodes");

        var final = await first.Store.ReadAsync(opened.IncidentId, CancellationToken.None);
        Assert.NotNull(final);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"note {i}").Order(), final.State.Notes.Select(n => n.Text).Order());
        Assert.Equal(21, final.State.Version);
    }

    [Fact]
    public async Task ANoteThroughOneNode_IsReadAtOnceThroughTheOther()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var first = await IncidentHarness.StartAsync(database);
        await using var second = await IncidentHarness.StartAsync(database);
        var opened = await first.Service.OpenIncidentAsync(TestIncidents.Open("open-1"), Calls.As("alice"));
        await second.Service.AddNoteAsync(new AddNoteRequest { IncidentId = opened.IncidentId, Text = "through the second node" }, Calls.As("bob"));

        var read = await first.Service.GetIncidentAsync(new GetIncidentRequest { IncidentId = opened.IncidentId }, Calls.As("alice"));

        Assert.Equal(["through the second node"], read.Notes.Select(n => n.Text));
        Assert.Equal(2, read.Version);
    }

    [Fact]
    public async Task Watcher_OnOneNode_SeesEveryChangeMadeThroughEitherNode()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var first = await IncidentHarness.StartAsync(database);
        await using var second = await IncidentHarness.StartAsync(database);
        var opened = await first.Service.OpenIncidentAsync(TestIncidents.Open("open-1"), Calls.As("alice"));
        using var cancel = new CancellationTokenSource();
        await using var watch = first.Service.WatchIncident(new WatchIncidentRequest { IncidentId = opened.IncidentId, FromVersion = 1 }, Calls.Cancelling("viewer", cancel.Token)).ResponseStream.ReadAllAsync(cancel.Token).GetAsyncEnumerator(cancel.Token);
        var next = watch.MoveNextAsync();

        await second.Service.AddNoteAsync(new AddNoteRequest { IncidentId = opened.IncidentId, Text = "through the second node" }, Calls.As("bob"));
        Assert.True(await Eventually.Within(next, "the change made through the second node"));
        var theirs = watch.Current;
        await first.Service.AddNoteAsync(new AddNoteRequest { IncidentId = opened.IncidentId, Text = "through the first node" }, Calls.As("alice"));
        Assert.True(await Eventually.Within(watch.MoveNextAsync(), "the change made through the first node"));

        Assert.Equal((2L, "note by bob"), (theirs.Version, theirs.Description));
        Assert.Equal(3, watch.Current.Version);
        await cancel.CancelAsync();
    }
}

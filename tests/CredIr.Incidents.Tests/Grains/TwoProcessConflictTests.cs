using CredIr.Contracts.Calls;
using CredIr.Contracts.V1;
using Grpc.Core;
using CredIr.Incidents.Tests.Infrastructure;

namespace CredIr.Incidents.Tests.Grains;

/// <summary>Two coordinator processes (two runtimes, two connection pools) on one PostgreSQL database.</summary>
[Collection(PostgresCollection.Name)]
public sealed class TwoProcessConflictTests(PostgresFixture postgres)
{
    [Fact]
    public async Task ConcurrentNotes_FromTwoProcesses_AllSurviveThroughConflictRetries()
    {
        var database = await postgres.CreateDatabaseAsync();
        var retries = new Dictionary<string, string?> { ["ConflictRetries"] = "50" };
        await using var first = await IncidentHarness.StartAsync(database, settings: retries);
        await using var second = await IncidentHarness.StartAsync(database + ";Application Name=second", settings: retries);
        var opened = await first.Service.OpenIncidentAsync(TestIncidents.Open("open-1"), Calls.As("alice"));
        await second.Service.GetIncidentAsync(new GetIncidentRequest { IncidentId = opened.IncidentId }, Calls.As("bob"));

        var notes = Enumerable.Range(0, 20).Select(i =>
        {
            var (harness, author) = i % 2 == 0 ? (first, "alice") : (second, "bob");
            return Task.Run(() => harness.Service.AddNoteAsync(
                new AddNoteRequest { IncidentId = opened.IncidentId, RequestId = $"note-{i}", Text = $"note {i}" }, Calls.As(author)).ResponseAsync);
        });
        await Eventually.Within(Task.WhenAll(notes), "20 notes from two processes");

        var final = await first.Store.ReadAsync(opened.IncidentId, CancellationToken.None);
        Assert.NotNull(final);
        Assert.Equal(20, final.State.Notes.Count);
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"note {i}").Order(), final.State.Notes.Select(n => n.Text).Order());
        Assert.Equal(21, final.State.Version);
    }

    [Fact]
    public async Task StaleActivation_NoRetriesAllowed_FailsWithAborted()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var first = await IncidentHarness.StartAsync(database, settings: new Dictionary<string, string?> { ["ConflictRetries"] = "0" });
        await using var second = await IncidentHarness.StartAsync(database);
        var opened = await first.Service.OpenIncidentAsync(TestIncidents.Open("open-1"), Calls.As("alice"));
        await second.Service.AddNoteAsync(new AddNoteRequest { IncidentId = opened.IncidentId, Text = "from the second process" }, Calls.As("bob"));

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            first.Service.AddNoteAsync(new AddNoteRequest { IncidentId = opened.IncidentId, Text = "from a stale first process" }, Calls.As("alice")).ResponseAsync);
        var retried = await first.Service.AddNoteAsync(new AddNoteRequest { IncidentId = opened.IncidentId, Text = "after reading again" }, Calls.As("alice"));

        Assert.Equal(StatusCode.Aborted, error.StatusCode);
        Assert.Equal(["from the second process", "after reading again"], retried.Notes.Select(n => n.Text));
    }

    [Fact]
    public async Task StaleActivation_WithRetries_ReloadsAndKeepsBothChanges()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var first = await IncidentHarness.StartAsync(database);
        await using var second = await IncidentHarness.StartAsync(database);
        var opened = await first.Service.OpenIncidentAsync(TestIncidents.Open("open-1"), Calls.As("alice"));
        await second.Service.AddNoteAsync(new AddNoteRequest { IncidentId = opened.IncidentId, Text = "second" }, Calls.As("bob"));

        var result = await first.Service.AddNoteAsync(new AddNoteRequest { IncidentId = opened.IncidentId, Text = "first" }, Calls.As("alice"));

        Assert.Equal(["second", "first"], result.Notes.Select(n => n.Text));
        Assert.Equal(3, result.Version);
    }

    [Fact]
    public async Task Watcher_ChangeFromOtherProcess_IsDeliveredWhenThisProcessCatchesUp()
    {
        var database = await postgres.CreateDatabaseAsync();
        await using var first = await IncidentHarness.StartAsync(database);
        await using var second = await IncidentHarness.StartAsync(database);
        var opened = await first.Service.OpenIncidentAsync(TestIncidents.Open("open-1"), Calls.As("alice"));
        using var cancel = new CancellationTokenSource();
        await using var watch = first.Service.WatchIncident(new WatchIncidentRequest { IncidentId = opened.IncidentId, FromVersion = 1 }, Calls.Cancelling("viewer", cancel.Token)).Responses().GetAsyncEnumerator(cancel.Token);
        var next = watch.MoveNextAsync();

        await second.Service.AddNoteAsync(new AddNoteRequest { IncidentId = opened.IncidentId, Text = "from the second process" }, Calls.As("bob"));
        await first.Service.AddNoteAsync(new AddNoteRequest { IncidentId = opened.IncidentId, Text = "from the first process" }, Calls.As("alice"));

        Assert.True(await Eventually.Within(next, "the other process's change"));
        var theirs = watch.Current;
        Assert.True(await Eventually.Within(watch.MoveNextAsync(), "this process's change"));
        Assert.Equal((2L, "changed by another coordinator"), (theirs.Version, theirs.Description));
        Assert.Equal(3, watch.Current.Version);
        await cancel.CancelAsync();
    }
}

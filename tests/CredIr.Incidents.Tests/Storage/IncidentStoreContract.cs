using CredIr.Contracts.V1;
using CredIr.Incidents.Storage;
using CredIr.Incidents.Tests.Infrastructure;

namespace CredIr.Incidents.Tests.Storage;

/// <summary>The behaviour every store must have; run once per store by the subclasses.</summary>
public abstract class IncidentStoreContract : IAsyncLifetime
{
    private IIncidentStore? _store;

    internal IIncidentStore Store => _store ?? throw new InvalidOperationException("Not initialised.");

    internal abstract Task<IIncidentStore> CreateStoreAsync();

    /// <summary>The migration versions this store applies, in order.</summary>
    protected abstract int[] Migrations { get; }

    public async Task InitializeAsync()
    {
        _store = await CreateStoreAsync();
        await _store.MigrateAsync(CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }
    }

    [Fact]
    public async Task Migrate_RunTwice_AppliesEachScriptOnce()
    {
        await Store.MigrateAsync(CancellationToken.None);
        await using var restarted = await CreateStoreAsync();
        await restarted.MigrateAsync(CancellationToken.None);

        Assert.Equal(Migrations, await restarted.ReadAppliedMigrationsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ApprovalKey_SecondProcessOfferingItsOwn_GetsTheFirstOne()
    {
        var first = await Store.GetOrAddKeyAsync("approval", [.. Enumerable.Repeat((byte)1, 32)], CancellationToken.None);
        await using var restarted = await CreateStoreAsync();

        var second = await restarted.GetOrAddKeyAsync("approval", [.. Enumerable.Repeat((byte)2, 32)], CancellationToken.None);

        Assert.Equal(Enumerable.Repeat((byte)1, 32), first);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task ApprovalKeys_UnderTwoNames_AreKeptApart()
    {
        var seal = await Store.GetOrAddKeyAsync("approval", [.. Enumerable.Repeat((byte)1, 32)], CancellationToken.None);

        var signing = await Store.GetOrAddKeyAsync("approval-signing", [.. Enumerable.Repeat((byte)3, 40)], CancellationToken.None);

        Assert.Equal(Enumerable.Repeat((byte)1, 32), seal);
        Assert.Equal(Enumerable.Repeat((byte)3, 40), signing);
    }

    [Fact]
    public async Task ApprovalToken_UsedOnce_IsRefusedAfterARestart()
    {
        var expires = DateTimeOffset.UtcNow.AddMinutes(5);
        var used = await Store.TryUseTokenAsync("token-1", expires, CancellationToken.None);
        await using var restarted = await CreateStoreAsync();

        var replayed = await restarted.TryUseTokenAsync("token-1", expires, CancellationToken.None);
        var other = await restarted.TryUseTokenAsync("token-2", expires, CancellationToken.None);

        Assert.Equal((true, false, true), (used, replayed, other));
    }

    [Fact]
    public async Task Write_ThenRead_ReturnsDocumentAndETag()
    {
        var etag = await Store.WriteAsync(TestIncidents.Document("inc-a"), null, "req-1", null, CancellationToken.None);

        var stored = await Store.ReadAsync("inc-a", CancellationToken.None);

        Assert.NotNull(stored);
        Assert.Equal(etag, stored.ETag);
        Assert.Equal("Leaked key inc-a", stored.State.Title);
        Assert.Equal("inc-a", await Store.FindRequestAsync("req-1", CancellationToken.None));
    }

    [Fact]
    public async Task List_IncidentsLargerThanAPageInBytes_EndsThePageEarlyWithANextToken()
    {
        // Three incidents of about 0.9 MB: two fill the 2 MiB a page holds, the third is on the next page.
        foreach (var id in new[] { "inc-big-1", "inc-big-2", "inc-big-3" })
        {
            var document = TestIncidents.Document(id);
            document.LessonsLearned = new string('x', 900_000);
            await Store.WriteAsync(document, null, null, null, CancellationToken.None);
        }

        var first = await Store.ListAsync(new IncidentQuery([], 50, null), CancellationToken.None);
        var second = await Store.ListAsync(new IncidentQuery([], 50, first.NextPageToken), CancellationToken.None);

        Assert.Equal(["inc-big-1", "inc-big-2"], first.Incidents.Select(i => i.IncidentId));
        Assert.NotNull(first.NextPageToken);
        Assert.Equal(["inc-big-3"], second.Incidents.Select(i => i.IncidentId));
        Assert.Null(second.NextPageToken);
    }

    [Fact]
    public async Task FindRequest_SameIdWithAnotherDigest_IsRefusedNamingTheIncident()
    {
        var keyed = RequestKey.Keyed("AddNote", new AddNoteRequest { RequestId = "req-d", IncidentId = "inc-d", Text = "first" }, static r => r.RequestId, static (r, id) => r.RequestId = id);
        var other = RequestKey.Keyed("AddNote", new AddNoteRequest { RequestId = "req-d", IncidentId = "inc-d", Text = "second" }, static r => r.RequestId, static (r, id) => r.RequestId = id);
        await Store.WriteAsync(TestIncidents.Document("inc-d"), null, keyed.RequestId, null, CancellationToken.None);

        Assert.Equal("inc-d", await Store.FindRequestAsync(keyed.RequestId, CancellationToken.None));
        Assert.Equal("inc-d", await Store.FindRequestAsync("req-d", CancellationToken.None));
        var error = await Assert.ThrowsAsync<CredIr.Incidents.Domain.IncidentException>(() => Store.FindRequestAsync(other.RequestId, CancellationToken.None));
        Assert.Contains("Request id 'req-d' was already used for another request", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Write_WithStaleETag_Conflicts()
    {
        var first = await Store.WriteAsync(TestIncidents.Document("inc-b"), null, null, null, CancellationToken.None);
        await Store.WriteAsync(TestIncidents.Document("inc-b", version: 2), first, null, null, CancellationToken.None);

        await Assert.ThrowsAsync<StateConflictException>(() => Store.WriteAsync(TestIncidents.Document("inc-b", version: 3), first, null, null, CancellationToken.None));
        Assert.Equal(2, (await Store.ReadAsync("inc-b", CancellationToken.None))!.State.Version);
    }

    [Fact]
    public async Task Write_WithEvidence_ChainsItInTheSameTransaction()
    {
        var draft = new EvidenceDraft(TestIncidents.Start, "opened", "opened by alice", "{}");
        var etag = await Store.WriteAsync(TestIncidents.Document("inc-v"), null, null, draft, CancellationToken.None);
        await Store.WriteAsync(TestIncidents.Document("inc-v", version: 2), etag, null, draft with { Kind = "note" }, CancellationToken.None);

        await Assert.ThrowsAsync<StateConflictException>(() => Store.WriteAsync(TestIncidents.Document("inc-v", version: 3), etag, null, draft with { Kind = "stale" }, CancellationToken.None));
        var entries = await Store.ReadEvidenceAsync("inc-v", CancellationToken.None).ToListAsync();

        Assert.Equal([(1L, "opened"), (2L, "note")], entries.Select(e => (e.Sequence, e.Kind)));
        Assert.Equal(entries[0].Hash, entries[1].PreviousHash);
    }

    [Fact]
    public async Task Write_NewIncidentThatExists_Conflicts()
    {
        await Store.WriteAsync(TestIncidents.Document("inc-c"), null, null, null, CancellationToken.None);

        await Assert.ThrowsAsync<StateConflictException>(() => Store.WriteAsync(TestIncidents.Document("inc-c"), null, null, null, CancellationToken.None));
    }

    [Fact]
    public async Task Write_RequestIdUsedBefore_Conflicts()
    {
        await Store.WriteAsync(TestIncidents.Document("inc-d"), null, "same-request", null, CancellationToken.None);

        await Assert.ThrowsAsync<StateConflictException>(() => Store.WriteAsync(TestIncidents.Document("inc-e"), null, "same-request", null, CancellationToken.None));
        Assert.Null(await Store.ReadAsync("inc-e", CancellationToken.None));
    }

    [Fact]
    public async Task List_FilteredByPhaseInPages_ReturnsEachMatchOnce()
    {
        for (var i = 0; i < 7; i++)
        {
            var phase = i % 2 == 0 ? Phase.Containing : Phase.Opened;
            await Store.WriteAsync(TestIncidents.Document($"inc-{i:D2}", phase), null, null, null, CancellationToken.None);
        }

        var seen = new List<string>();
        string? token = null;
        var pages = 0;
        do
        {
            var page = await Store.ListAsync(new IncidentQuery([Phase.Containing], 2, token), CancellationToken.None);
            seen.AddRange(page.Incidents.Select(i => i.IncidentId));
            token = page.NextPageToken;
            pages++;
        }
        while (token is not null);

        Assert.Equal(["inc-00", "inc-02", "inc-04", "inc-06"], seen);
        Assert.Equal(2, pages);
    }

    [Fact]
    public async Task List_WithForeignPageToken_IsRefused()
    {
        await Assert.ThrowsAsync<InvalidPageTokenException>(() => Store.ListAsync(new IncidentQuery([], 10, "not-a-token"), CancellationToken.None));
    }

    [Fact]
    public async Task Findings_AddedTwice_AreStoredOnceWithRawJson()
    {
        var events = new[] { TestIncidents.Event("e-2", 2), TestIncidents.Event("e-1", 1, "GetObject") };

        var first = await Store.AddFindingsAsync("inc-f", events, CancellationToken.None);
        var second = await Store.AddFindingsAsync("inc-f", [TestIncidents.Event("e-1", 1, "GetObject"), TestIncidents.Event("e-3", 3)], CancellationToken.None);
        var stored = await Store.ReadFindingsAsync("inc-f", CancellationToken.None).ToListAsync();

        Assert.Equal((2, 1), (first, second));
        Assert.Equal(["e-1", "e-2", "e-3"], stored.Select(e => e.EventId));
        Assert.Contains("\"GetObject\"", stored[0].RawJson, StringComparison.Ordinal);
        Assert.Equal([EventCategory.IdentityPersistence], stored[0].Categories);
    }

    [Fact]
    public async Task Journal_IntentRecordedTwice_SecondIsRefused()
    {
        var intent = new JournalRecord("inc-j", "step-1", "plan-1", JournalKind.Intent, StepStatus.Started, TestIncidents.Start, "{}");

        Assert.True(await Store.TryAppendJournalAsync(intent, CancellationToken.None));
        Assert.False(await Store.TryAppendJournalAsync(intent, CancellationToken.None));
        Assert.True(await Store.TryAppendJournalAsync(intent with { Kind = JournalKind.Result, Status = StepStatus.Succeeded }, CancellationToken.None));

        var journal = await Store.ReadJournalAsync("inc-j", CancellationToken.None);
        Assert.Equal([(1L, JournalKind.Intent), (2L, JournalKind.Result)], journal.Select(r => (r.Sequence, r.Kind)));
    }

    [Fact]
    public async Task Checkpoint_SavedAgain_KeepsLatestToken()
    {
        var checkpoint = new ScanCheckpointRecord("inc-k", "111122223333/us-east-1/AKIA1", "111122223333", "us-east-1", "AKIA1", "token-1", false, TestIncidents.Start);
        await Store.SaveCheckpointAsync(checkpoint, CancellationToken.None);
        await Store.SaveCheckpointAsync(checkpoint with { NextToken = null, Done = true }, CancellationToken.None);

        var stored = Assert.Single(await Store.ReadCheckpointsAsync("inc-k", CancellationToken.None));

        Assert.True(stored.Done);
        Assert.Null(stored.NextToken);
    }
}

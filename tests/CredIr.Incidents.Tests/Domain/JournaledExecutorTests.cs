using CredIr.Contracts.V1;
using CredIr.Incidents.Domain;
using CredIr.Incidents.Storage;
using CredIr.Incidents.Storage.Sqlite;
using CredIr.Incidents.Tests.Infrastructure;

namespace CredIr.Incidents.Tests.Domain;

public sealed class JournaledExecutorTests : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly FakeTimeProvider _time = new();
    private SqliteIncidentStore? _store;

    private SqliteIncidentStore Store => _store!;

    public async Task InitializeAsync()
    {
        _store = new SqliteIncidentStore(Path.Combine(_directory.Path, "credir.db"), _time);
        await _store.MigrateAsync(CancellationToken.None);
    }

    public async Task DisposeAsync() => await Store.DisposeAsync();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task NewStep_RecordsIntentThenResult()
    {
        var executor = new JournaledExecutor(Store, _time);

        var outcome = await executor.RunAsync("inc-1", "containment-1", "containment-1/s1", _ => Done(StepStatus.Succeeded), CancellationToken.None);

        var journal = await Store.ReadJournalAsync("inc-1", CancellationToken.None);
        Assert.True(outcome.Ran);
        Assert.False(outcome.Resumed);
        Assert.Equal([JournalKind.Intent, JournalKind.Result], journal.Select(r => r.Kind));
    }

    [Fact]
    public async Task IntentWithoutResult_IsResumedExactlyOnce()
    {
        // The coordinator died after journaling the intent: the cloud call may or may not have happened.
        await Store.TryAppendJournalAsync(new JournalRecord("inc-1", "containment-1/s1", "containment-1", JournalKind.Intent, StepStatus.Started, _time.GetUtcNow(), "{}"), CancellationToken.None);
        var executor = new JournaledExecutor(Store, _time);
        var calls = 0;

        var resumed = await executor.RunAsync("inc-1", "containment-1", "containment-1/s1", _ => { calls++; return Done(StepStatus.AlreadyDone); }, CancellationToken.None);
        var again = await executor.RunAsync("inc-1", "containment-1", "containment-1/s1", _ => { calls++; return Done(StepStatus.Succeeded); }, CancellationToken.None);

        Assert.Equal(1, calls);
        Assert.True(resumed.Resumed);
        Assert.False(again.Ran);
        Assert.Equal(StepStatus.AlreadyDone, again.Status);
        Assert.Equal(1, (await Store.ReadJournalAsync("inc-1", CancellationToken.None)).Count(r => r.Kind == JournalKind.Intent));
    }

    [Fact]
    public async Task FailingAction_LeavesIntentOnly_SoTheStepRunsAgainLater()
    {
        var executor = new JournaledExecutor(Store, _time);

        await Assert.ThrowsAsync<TimeoutException>(() =>
            executor.RunAsync("inc-1", "p", "p/s1", _ => throw new TimeoutException("the cloud did not answer"), CancellationToken.None));
        var retried = await executor.RunAsync("inc-1", "p", "p/s1", _ => Done(StepStatus.Succeeded), CancellationToken.None);

        Assert.True(retried.Resumed);
        Assert.Equal([JournalKind.Intent, JournalKind.Result], (await Store.ReadJournalAsync("inc-1", CancellationToken.None)).Select(r => r.Kind));
    }

    private static Task<StepOutcome> Done(StepStatus status) => Task.FromResult(new StepOutcome(status, status.ToString(), "{}"));
}

using System.Data.Common;
using CredIr.Incidents.Domain;
using CredIr.Incidents.Evidence;
using CredIr.Incidents.Storage;
using Microsoft.Extensions.Logging;

namespace CredIr.Incidents.Grains;

/// <summary>
/// The process's incident grains: creates the runtime and hands out references. Watched
/// activations look at the store on a timer, so a watcher here sees changes another coordinator
/// process made even when this process writes nothing.
/// </summary>
internal sealed class IncidentGrainDirectory : IIncidentGrainFactory, IAsyncDisposable
{
    private readonly ITimer _watchPoll;
    private readonly ILogger _logger;
    private int _polling;

    public IncidentGrainDirectory(
        IIncidentStore store,
        EvidenceLog evidence,
        IncidentWorkflow workflow,
        IPlaybookDriver driver,
        RunClaims runs,
        GrainRuntimeOptions options,
        TimeProvider time,
        ILogger<IncidentGrainDirectory> logger)
    {
        _logger = logger;
        Runtime = new GrainRuntime<IncidentGrain>(
            id => new IncidentGrain(id, store, workflow, evidence, driver, runs, time),
            options,
            time,
            logger);
        _watchPoll = time.CreateTimer(static state => ((IncidentGrainDirectory)state!).PollWatched(), this, options.WatchPollInterval, options.WatchPollInterval);
    }

    public GrainRuntime<IncidentGrain> Runtime { get; }

    public IIncidentGrain GetGrain(string incidentId) => new IncidentGrainReference(Runtime, incidentId);

    /// <summary>Brings every watched, idle activation up to the stored version (and so its watchers).</summary>
    internal async Task PollWatchedAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _polling, 1) == 1)
        {
            return;
        }

        try
        {
            await Runtime.VisitIdleAsync(static grain => grain.KeepAlive, static (grain, ct) => grain.CatchUpAsync(ct), cancellationToken);
        }
        catch (DbException exception)
        {
            GrainRuntimeLog.WatchPollFailed(_logger, exception);
        }
        finally
        {
            Volatile.Write(ref _polling, 0);
        }
    }

    private void PollWatched() => _ = PollWatchedAsync(CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await _watchPoll.DisposeAsync();
        await Runtime.DisposeAsync();
    }
}

using System.Data.Common;
using CredIr.Incidents.Domain;
using CredIr.Incidents.Evidence;
using CredIr.Incidents.Storage;
using Microsoft.Extensions.Logging;

namespace CredIr.Incidents.Grains;

/// <summary>
/// The process's incident grains: creates the runtime and hands out references. Watched
/// activations look at the store when it announces a write (PostgreSQL's NOTIFY) and on a timer
/// (every store; the only way with SQLite), so a watcher here sees changes another coordinator
/// process made even when this process writes nothing.
/// </summary>
internal sealed class IncidentGrainDirectory : IIncidentGrainFactory, IAsyncDisposable
{
    private readonly ITimer _watchPoll;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _listening;
    private int _polling;
    private int _disposed;

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
        _listening = ListenAsync(store, options.WatchPollInterval, time, _stop.Token);
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

    /// <summary>Catches a watched activation up as soon as the store says its incident was written; listens again after a failure.</summary>
    private async Task ListenAsync(IIncidentStore store, TimeSpan retry, TimeProvider time, CancellationToken cancellationToken)
    {
        await Task.Yield();
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await foreach (var id in store.ListenForChangesAsync(cancellationToken))
                {
                    await Runtime.VisitIdleAsync(grain => grain.KeepAlive && grain.IncidentId == id, static (grain, ct) => grain.CatchUpAsync(ct), cancellationToken);
                }

                // This store cannot announce writes: the poll alone serves its watchers.
                return;
            }
            catch (DbException exception)
            {
                GrainRuntimeLog.WatchPollFailed(_logger, exception);
                await Task.Delay(retry, time, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Registered both as itself and as the grain factory, so the container disposes it twice.
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stop.CancelAsync();
        try
        {
            await _listening;
        }
        catch (OperationCanceledException)
        {
            // Stopped while waiting to listen again.
        }

        _stop.Dispose();
        await _watchPoll.DisposeAsync();
        await Runtime.DisposeAsync();
    }
}

using System.Collections.Concurrent;
using CredIr.Incidents.Storage;
using Microsoft.Extensions.Logging;

namespace CredIr.Incidents.Grains;

/// <summary>
/// A small stand-in for an Orleans silo: at most one activation per key in this process, calls to
/// an activation one at a time, state loaded on activation, a stale write retried from fresh state
/// up to <see cref="GrainRuntimeOptions.ConflictRetries"/> times, idle activations dropped on a
/// timer. Correctness across processes comes from the store's ETags, not from this directory.
/// </summary>
internal sealed class GrainRuntime<TGrain> : IAsyncDisposable
    where TGrain : class, IGrainLifecycle
{
    private readonly ConcurrentDictionary<string, GrainActivation<TGrain>> _activations = new(StringComparer.Ordinal);
    private readonly Func<string, TGrain> _activator;
    private readonly GrainRuntimeOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly ITimer _sweeper;

    public GrainRuntime(Func<string, TGrain> activator, GrainRuntimeOptions options, TimeProvider time, ILogger logger)
    {
        _activator = activator;
        _options = options;
        _time = time;
        _logger = logger;
        var period = options.SweepInterval;
        _sweeper = time.CreateTimer(static state => ((GrainRuntime<TGrain>)state!).DropIdle(), this, period, period);
    }

    public int ActivationCount => _activations.Count;

    public async Task<TResult> InvokeAsync<TResult>(string key, Func<TGrain, CancellationToken, Task<TResult>> call, CancellationToken cancellationToken)
    {
        while (true)
        {
            var activation = _activations.GetOrAdd(key, static (k, runtime) => new GrainActivation<TGrain>(k, runtime._activator(k)), this);
            await activation.Turn.WaitAsync(cancellationToken);
            try
            {
                if (activation.IsDeactivated)
                {
                    continue;
                }

                if (!activation.IsActivated)
                {
                    await activation.Grain.OnActivateAsync(cancellationToken);
                    activation.IsActivated = true;
                    GrainRuntimeLog.Activated(_logger, key);
                }

                return await CallWithRetriesAsync(activation, call, cancellationToken);
            }
            finally
            {
                activation.LastUsedTimestamp = _time.GetTimestamp();
                activation.Turn.Release();
            }
        }
    }

    /// <summary>
    /// For read-only calls (Orleans' [AlwaysInterleave]): runs beside the current turn on an
    /// active activation, so reading an incident never waits for a long-running advance.
    /// </summary>
    public Task<TResult> InvokeInterleavedAsync<TResult>(string key, Func<TGrain, CancellationToken, Task<TResult>> call, CancellationToken cancellationToken)
    {
        if (_activations.TryGetValue(key, out var activation) && activation.IsActivated && !activation.IsDeactivated)
        {
            activation.LastUsedTimestamp = _time.GetTimestamp();
            return call(activation.Grain, cancellationToken);
        }

        return InvokeAsync(key, call, cancellationToken);
    }

    private async Task<TResult> CallWithRetriesAsync<TResult>(GrainActivation<TGrain> activation, Func<TGrain, CancellationToken, Task<TResult>> call, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await call(activation.Grain, cancellationToken);
            }
            catch (StateConflictException)
            {
                // Another process wrote first: this activation's state is stale either way.
                await activation.Grain.ReloadAsync(cancellationToken);
                if (attempt > _options.ConflictRetries)
                {
                    GrainRuntimeLog.ConflictGaveUp(_logger, activation.Key, attempt);
                    throw new Domain.IncidentConflictException(activation.Key, attempt);
                }

                GrainRuntimeLog.ConflictRetry(_logger, activation.Key, attempt);
            }
        }
    }

    /// <summary>
    /// A background call on each activation that <paramref name="filter"/> picks and that is not in a
    /// turn right now (a busy activation is writing, and so publishing, by itself); never waits for a turn.
    /// </summary>
    internal async Task VisitIdleAsync(Func<TGrain, bool> filter, Func<TGrain, CancellationToken, Task> call, CancellationToken cancellationToken)
    {
        foreach (var activation in _activations.Values)
        {
            if (!activation.IsActivated || !filter(activation.Grain) || !activation.Turn.Wait(0, CancellationToken.None))
            {
                continue;
            }

            try
            {
                if (!activation.IsDeactivated)
                {
                    await call(activation.Grain, cancellationToken);
                }
            }
            finally
            {
                activation.Turn.Release();
            }
        }
    }

    /// <summary>Drops activations idle for longer than the timeout, unless busy or watched.</summary>
    internal void DropIdle()
    {
        foreach (var activation in _activations.Values)
        {
            if (_time.GetElapsedTime(activation.LastUsedTimestamp) < _options.IdleTimeout
                || activation.Grain.KeepAlive
                || !activation.Turn.Wait(0))
            {
                continue;
            }

            try
            {
                activation.IsDeactivated = true;
                _activations.TryRemove(new KeyValuePair<string, GrainActivation<TGrain>>(activation.Key, activation));
                activation.Grain.OnDeactivate();
                GrainRuntimeLog.Deactivated(_logger, activation.Key);
            }
            finally
            {
                // Not disposed: a caller may still be queued on this turn and must see IsDeactivated.
                activation.Turn.Release();
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _sweeper.DisposeAsync();
        foreach (var activation in _activations.Values)
        {
            activation.Grain.OnDeactivate();
        }

        _activations.Clear();
    }
}

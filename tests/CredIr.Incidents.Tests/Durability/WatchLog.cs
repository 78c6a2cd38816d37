using CredIr.Contracts.V1;

namespace CredIr.Incidents.Tests.Durability;

/// <summary>What a watch stream delivered, with a task per awaited version completed by the stream itself.</summary>
internal sealed class WatchLog
{
    private readonly Lock _lock = new();
    private readonly List<IncidentChange> _changes = [];
    private readonly List<(long Version, TaskCompletionSource<bool> Reached)> _waiters = [];
    private readonly List<(Func<IncidentChange, bool> Match, TaskCompletionSource<bool> Reached)> _matchers = [];

    public IReadOnlyList<IncidentChange> Changes
    {
        get
        {
            lock (_lock)
            {
                return [.. _changes];
            }
        }
    }

    public void Add(IncidentChange change)
    {
        lock (_lock)
        {
            _changes.Add(change);
            foreach (var waiter in _waiters.Where(w => w.Version <= change.Version).ToList())
            {
                waiter.Reached.TrySetResult(true);
                _waiters.Remove(waiter);
            }

            foreach (var matcher in _matchers.Where(m => m.Match(change)).ToList())
            {
                matcher.Reached.TrySetResult(true);
                _matchers.Remove(matcher);
            }
        }
    }

    /// <summary>Completes once a delivered change matches.</summary>
    public Task<bool> FirstMatching(Func<IncidentChange, bool> match)
    {
        lock (_lock)
        {
            if (_changes.Any(match))
            {
                return Task.FromResult(true);
            }

            var reached = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            _matchers.Add((match, reached));
            return reached.Task;
        }
    }

    public Task<bool> AtLeast(long version)
    {
        lock (_lock)
        {
            if (_changes.Any(c => c.Version >= version))
            {
                return Task.FromResult(true);
            }

            var reached = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((version, reached));
            return reached.Task;
        }
    }
}

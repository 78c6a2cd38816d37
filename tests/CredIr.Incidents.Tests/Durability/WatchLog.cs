using CredIr.Contracts.V1;

namespace CredIr.Incidents.Tests.Durability;

/// <summary>What a watch stream delivered, with a task per awaited version completed by the stream itself.</summary>
internal sealed class WatchLog
{
    private readonly Lock _lock = new();
    private readonly List<IncidentChange> _changes = [];
    private readonly List<(long Version, TaskCompletionSource<bool> Reached)> _waiters = [];

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

namespace CredIr.Eradication.Trails.LookupEvents;

/// <summary>
/// The LookupEvents calls a scan has in flight across the organization, at most a fixed number (each holds a
/// connection and a response being read). Waiting calls go in order of their account-region's backlog, largest
/// first: the account-region with the most pages left bounds the whole scan, and the thousands of small ones have
/// time to spare, so they must not queue ahead of it. Equal backlogs go first come, first served.
/// </summary>
internal sealed class LookupGate(int capacity)
{
    private readonly Lock _lock = new();
    private readonly PriorityQueue<TaskCompletionSource, (double Backlog, long Order)> _waiting = new();
    private int _free = Math.Max(1, capacity);
    private long _order;

    /// <summary>Waits for a slot; give it back with <see cref="Exit"/>.</summary>
    public Task EnterAsync(double backlog, CancellationToken cancellationToken)
    {
        TaskCompletionSource waiter;
        lock (_lock)
        {
            if (_free > 0 && _waiting.Count == 0)
            {
                _free--;
                return Task.CompletedTask;
            }

            waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Enqueue(waiter, (-backlog, _order++));
        }

        if (cancellationToken.CanBeCanceled)
        {
            // A cancelled waiter stays queued; Exit skips it, since it can no longer be granted.
            var registration = cancellationToken.UnsafeRegister(static (state, token) => ((TaskCompletionSource)state!).TrySetCanceled(token), waiter);
            _ = waiter.Task.ContinueWith(static (_, state) => ((CancellationTokenRegistration)state!).Dispose(), registration, CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        return waiter.Task;
    }

    public void Exit()
    {
        while (true)
        {
            TaskCompletionSource? next;
            lock (_lock)
            {
                if (!_waiting.TryDequeue(out next, out _))
                {
                    _free++;
                    return;
                }
            }

            if (next.TrySetResult())
            {
                return;
            }
        }
    }
}

namespace CredIr.Containment.Tests.Support;

/// <summary>
/// A clock the test moves by hand; timers (Task.Delay on it) fire when it is moved past their due
/// time. Timestamps stay real, so rate limits keep measuring real request rates.
/// </summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<ManualTimer> _timers = [];
    private DateTimeOffset _now = start;
    private TaskCompletionSource _scheduled = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Completes when a timer is waiting on the clock (the code under test is between polls).</summary>
    public async Task WaitForTimerAsync(TimeSpan timeout, string what)
    {
        Task waiting;
        lock (_gate)
        {
            waiting = _timers.Any(static t => t.Due is not null) ? Task.CompletedTask : _scheduled.Task;
        }

        try
        {
            await waiting.WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"No timer was scheduled on the manual clock within {timeout.TotalSeconds}s while waiting for {what}.");
        }
    }

    public void Advance(TimeSpan by)
    {
        List<ManualTimer> due;
        lock (_gate)
        {
            _now += by;
            due = _timers.Where(t => t.Due is { } at && at <= _now).ToList();
            foreach (var timer in due)
            {
                timer.Due = timer.Period > TimeSpan.Zero ? _now + timer.Period : null;
            }
        }

        foreach (var timer in due)
        {
            timer.Fire();
        }
    }

    private void Schedule(ManualTimer timer, TimeSpan dueTime, TimeSpan period)
    {
        lock (_gate)
        {
            timer.Period = period == Timeout.InfiniteTimeSpan ? TimeSpan.Zero : period;
            timer.Due = dueTime == Timeout.InfiniteTimeSpan ? null : _now + dueTime;
            if (!_timers.Contains(timer))
            {
                _timers.Add(timer);
            }

            if (timer.Due is not null)
            {
                _scheduled.TrySetResult();
                _scheduled = new(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }

    private void Remove(ManualTimer timer)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
        }
    }

    private sealed class ManualTimer(ManualClock clock, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset? Due { get; set; }

        public TimeSpan Period { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            clock.Schedule(this, dueTime, period);
            if (dueTime == TimeSpan.Zero)
            {
                clock.Advance(TimeSpan.Zero);
            }

            return true;
        }

        public void Fire() => callback(state);

        public void Dispose() => clock.Remove(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}

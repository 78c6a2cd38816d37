namespace CredIr.Identification.Tests.Support;

/// <summary>
/// A clock that moves only when told. Tests wait for the code under test to arm a timer (it has gone to sleep)
/// before moving the clock, instead of sleeping or polling.
/// </summary>
internal sealed class ManualTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<ManualTimer> _timers = [];
    private readonly List<(long After, DateTimeOffset Due, TaskCompletionSource Done)> _waiters = [];
    private DateTimeOffset _now = start;
    private long _armed;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    // An odd frequency catches code that assumes ticks are 100 ns.
    public override long TimestampFrequency => 1_000_000_007;

    public override long GetTimestamp() => (long)(GetUtcNow().UtcTicks / (double)TimeSpan.TicksPerSecond * TimestampFrequency);

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>A mark to wait for timers armed after it.</summary>
    public long Mark()
    {
        lock (_gate)
        {
            return _armed;
        }
    }

    /// <summary>Completes when a timer armed after <paramref name="mark"/> falls due at <paramref name="due"/>.</summary>
    public async Task TimerArmedAtAsync(DateTimeOffset due, long mark, string what)
    {
        Task wait;
        lock (_gate)
        {
            if (_timers.Any(t => t.Sequence > mark && t.Due == due))
            {
                return;
            }

            var tcs = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((mark, due, tcs));
            wait = tcs.Task;
        }

        try
        {
            await wait.WaitAsync(TimeSpan.FromSeconds(20));
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"waited 20 s for {what} (a timer due at {due:O}); armed: {string.Join(", ", Armed())}");
        }
    }

    public void Advance(TimeSpan by)
    {
        List<ManualTimer> due;
        lock (_gate)
        {
            _now += by;
            due = _timers.Where(t => t.Due <= _now).OrderBy(t => t.Due).ToList();
        }

        foreach (var timer in due)
        {
            timer.Fire();
        }
    }

    private List<string> Armed()
    {
        lock (_gate)
        {
            return _timers.Select(t => $"{t.Due:O}#{t.Sequence}").ToList();
        }
    }

    private void Arm(ManualTimer timer, DateTimeOffset? due)
    {
        lock (_gate)
        {
            _timers.Remove(timer);
            if (due is not { } at)
            {
                return;
            }

            timer.Due = at;
            timer.Sequence = ++_armed;
            _timers.Add(timer);
            foreach (var waiter in _waiters.Where(w => timer.Sequence > w.After && w.Due == at).ToList())
            {
                _waiters.Remove(waiter);
                waiter.Done.TrySetResult();
            }
        }
    }

    private sealed class ManualTimer(ManualTimeProvider clock, TimerCallback callback, object? state) : ITimer
    {
        private TimeSpan _period = Timeout.InfiniteTimeSpan;

        public DateTimeOffset Due { get; set; }

        public long Sequence { get; set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            _period = period;
            clock.Arm(this, dueTime == Timeout.InfiniteTimeSpan ? null : clock.GetUtcNow() + dueTime);
            return true;
        }

        public void Fire()
        {
            clock.Arm(this, _period == Timeout.InfiniteTimeSpan || _period == TimeSpan.Zero ? null : clock.GetUtcNow() + _period);
            callback(state);
        }

        public void Dispose() => clock.Arm(this, null);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}

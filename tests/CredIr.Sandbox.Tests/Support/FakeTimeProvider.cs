namespace CredIr.Sandbox.Tests.Support;

/// <summary>
/// A clock tests move by hand; its odd tick frequency catches code that assumes ticks are 100 ns. Its timers (the
/// sandbox's injected latency) fire inside <see cref="Advance"/>, and <see cref="TimersCreated"/> tells a test that
/// a request reached its delay.
/// </summary>
internal sealed class FakeTimeProvider(DateTimeOffset start) : TimeProvider
{
    private const long Frequency = 1_000_003;
    private readonly Lock _lock = new();
    private readonly List<(ManualTimer Timer, TimeSpan Due)> _timers = [];
    private readonly List<(int Count, TaskCompletionSource Reached)> _waiters = [];
    private DateTimeOffset _now = start;
    private long _timestamp;
    private TimeSpan _elapsed;
    private int _created;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_lock)
        {
            return _now;
        }
    }

    public override long GetTimestamp()
    {
        lock (_lock)
        {
            return _timestamp;
        }
    }

    public override long TimestampFrequency => Frequency;

    /// <summary>Completes once this many timers have been created since the clock started.</summary>
    public Task TimersCreated(int count)
    {
        lock (_lock)
        {
            if (_created >= count)
            {
                return Task.CompletedTask;
            }

            var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, reached));
            return reached.Task;
        }
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        List<TaskCompletionSource> reached;
        lock (_lock)
        {
            _timers.Add((timer, _elapsed + dueTime));
            _created++;
            reached = [.. _waiters.Where(w => w.Count <= _created).Select(static w => w.Reached)];
            _waiters.RemoveAll(w => w.Count <= _created);
        }

        reached.ForEach(static r => r.SetResult());
        return timer;
    }

    public void Advance(TimeSpan by)
    {
        List<ManualTimer> due;
        lock (_lock)
        {
            _now += by;
            _elapsed += by;
            _timestamp += (long)(by.TotalSeconds * Frequency);
            due = [.. _timers.Where(t => t.Due <= _elapsed).OrderBy(static t => t.Due).Select(static t => t.Timer)];
            _timers.RemoveAll(t => t.Due <= _elapsed);
        }

        due.ForEach(static t => t.Fire());
    }

    private void Remove(ManualTimer timer)
    {
        lock (_lock)
        {
            _timers.RemoveAll(t => t.Timer == timer);
        }
    }

    /// <summary>A one-shot timer (what Task.Delay creates).</summary>
    private sealed class ManualTimer(FakeTimeProvider clock, TimerCallback callback, object? state) : ITimer
    {
        public void Fire() => callback(state);

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            clock.Remove(this);
            return true;
        }

        public void Dispose() => clock.Remove(this);

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}

namespace CredIr.Sandbox;

/// <summary>
/// The sandbox's clock: the inner clock plus an offset tests can move forward. While a scenario
/// runs, the clock is pinned to each step's virtual time so the generated history lies in the past.
/// </summary>
public sealed class SandboxClock(TimeProvider inner) : TimeProvider
{
    private readonly Lock _gate = new();
    private TimeSpan _offset;
    private DateTimeOffset? _pinned;

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _pinned ?? inner.GetUtcNow() + _offset;
        }
    }

    public override long GetTimestamp() => inner.GetTimestamp();

    public override long TimestampFrequency => inner.TimestampFrequency;

    // Delays (injected latency) run on the inner clock, so a test's fake clock drives them too.
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        inner.CreateTimer(callback, state, dueTime, period);

    /// <summary>Moves the sandbox's time forward (sessions expire, the 90-day window moves).</summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        lock (_gate)
        {
            _offset += by;
        }
    }

    /// <summary>
    /// The time a client's signature is checked against: the pinned step time while a scenario
    /// runs, else the real clock without the test offset (real SDKs sign with real time).
    /// </summary>
    internal DateTimeOffset SigningReference
    {
        get
        {
            lock (_gate)
            {
                return _pinned ?? inner.GetUtcNow();
            }
        }
    }

    internal void Pin(DateTimeOffset at)
    {
        lock (_gate)
        {
            _pinned = at;
        }
    }

    internal void Unpin()
    {
        lock (_gate)
        {
            _pinned = null;
        }
    }
}

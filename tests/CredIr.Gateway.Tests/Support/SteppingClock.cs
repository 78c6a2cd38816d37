namespace CredIr.Gateway.Tests.Support;

/// <summary>
/// A clock whose timestamp moves by <paramref name="step"/> every time it is read (the wall clock is the
/// system's): time spent between two readings in the gateway is at least one step, whatever the machine's load.
/// </summary>
internal sealed class SteppingClock(TimeSpan step) : TimeProvider
{
    private long _ticks;

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => Interlocked.Add(ref _ticks, step.Ticks);
}

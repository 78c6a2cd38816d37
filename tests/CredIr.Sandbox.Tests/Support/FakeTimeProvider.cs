namespace CredIr.Sandbox.Tests.Support;

/// <summary>A clock tests move by hand; its odd tick frequency catches code that assumes ticks are 100 ns.</summary>
internal sealed class FakeTimeProvider(DateTimeOffset start) : TimeProvider
{
    private const long Frequency = 1_000_003;
    private DateTimeOffset _now = start;
    private long _timestamp;

    public override DateTimeOffset GetUtcNow() => _now;

    public override long GetTimestamp() => _timestamp;

    public override long TimestampFrequency => Frequency;

    public void Advance(TimeSpan by)
    {
        _now += by;
        _timestamp += (long)(by.TotalSeconds * Frequency);
    }
}

namespace CredIr.Containment.Tests.Support;

/// <summary>
/// The manual clock's time with real timers: for the AWS clients, which sign with the (virtual)
/// time the sandbox checks, while their retry delays run on real time.
/// </summary>
internal sealed class ClockReading(TimeProvider clock) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => clock.GetUtcNow();
}

namespace CredIr.Reports.Tests.Fixtures;

/// <summary>A clock that stands still where the test puts it.</summary>
internal sealed class FakeTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}

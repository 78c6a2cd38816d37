using Orleans.Placement;

namespace CredIr.Fanout;

/// <summary>
/// Hands out LookupEvents slots 1/rate apart, first come first served: a token bucket with a burst of one, as the
/// runtime's own (a burst below AWS's leaves the service a spare token for requests the network bunches). The
/// grain grants permits rather than making the calls, so pages, credentials and their memory stay with the scan
/// that asked, and a turn is a few microseconds. Placed where first called: usually the only node scanning.
/// </summary>
/// <remarks>
/// The schedule is not persisted: an activation lost with its silo forgets slots it already granted, so for the
/// slots in flight at that moment (a second at most at 2/s per waiting request) the new activation may grant again.
/// </remarks>
[PreferLocalPlacement]
internal sealed class LookupBudgetGrain(TimeProvider time) : Grain, ILookupBudgetGrain
{
    private long _next = long.MinValue;

    public Task<TimeSpan> ReserveAsync(double requestsPerSecond)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(requestsPerSecond);
        var now = time.GetTimestamp();
        var slot = Math.Max(now, _next);
        _next = slot + (long)(time.TimestampFrequency / requestsPerSecond);
        return Task.FromResult(time.GetElapsedTime(now, slot));
    }
}

using Orleans.Placement;

namespace CredIr.Fanout;

/// <summary>
/// Hands out LookupEvents slots 1/rate apart, first come first served: a token bucket with a burst of one, as the
/// runtime's own (a burst below AWS's leaves the service a spare token for requests the network bunches). The
/// grain grants permits rather than making the calls, so pages, credentials and their memory stay with the scan
/// that asked, and a turn is a few microseconds. Placed where first called: usually the only node scanning.
/// </summary>
/// <remarks>
/// The schedule lives in memory only, and is safe to lose: a caller learns its slot at most <see cref="Lead"/> before
/// it (a slot further off is a ticket to bring back later), so when an activation is lost (its silo killed or stopped,
/// or deactivated) every slot it told lies at most <see cref="Lead"/> after its last answer. A new activation starts
/// its schedule one lead and one interval after it started, after every slot the lost one told: the merged schedule
/// keeps the 1/rate spacing, with no burst. Tickets of the lost activation are booked anew, so they are never sent
/// twice. The price: an account-region's first request waits one lead, one interval and a random phase below one
/// interval (0.7 to 1.2 s at 2/s).
/// </remarks>
[PreferLocalPlacement]
internal sealed class LookupBudgetGrain(TimeProvider time) : Grain, ILookupBudgetGrain
{
    /// <summary>How long before its slot a caller learns it: longer than a grain answer takes to reach any node.</summary>
    public static readonly TimeSpan Lead = TimeSpan.FromMilliseconds(200);

    /// <summary>A ticket brought back this much early is told its slot anyway: timers and clocks are not exact.</summary>
    private static readonly TimeSpan Early = TimeSpan.FromMilliseconds(10);

    private readonly long _activated = time.GetTimestamp();
    private readonly Dictionary<long, long> _tickets = [];
    private long? _next;

    public Task<LookupBooking> ReserveAsync(double requestsPerSecond)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(requestsPerSecond);
        return Task.FromResult(Book(requestsPerSecond));
    }

    public Task<LookupBooking> ConfirmAsync(double requestsPerSecond, long ticket)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(requestsPerSecond);
        return Task.FromResult(_tickets.Remove(ticket, out var slot) ? Tell(time.GetTimestamp(), slot) : Book(requestsPerSecond));
    }

    private LookupBooking Book(double requestsPerSecond)
    {
        var now = time.GetTimestamp();
        var interval = (long)(time.TimestampFrequency / requestsPerSecond);
        // A random phase within the interval: account-regions whose grains start together (every one of a scan's) would
        // otherwise send in lockstep, hundreds of requests at one instant each interval, and the queues those waves
        // meet on their way (the caller's, the network's) delay some more than others, bunching an account-region's.
        _next ??= _activated + Ticks(Lead) + interval + Random.Shared.NextInt64(interval);
        var slot = Math.Max(now, _next.Value);
        _next = slot + interval;
        return Tell(now, slot);
    }

    private LookupBooking Tell(long now, long slot)
    {
        var wait = time.GetElapsedTime(now, slot);
        if (wait <= Lead + Early)
        {
            return new LookupBooking(wait < TimeSpan.Zero ? TimeSpan.Zero : wait, 0);
        }

        if (_tickets.Count >= 1024)
        {
            // Tickets whose callers never came back (cancelled scans): their slots went unused.
            foreach (var stale in _tickets.Where(t => t.Value < now).Select(static t => t.Key).ToList())
            {
                _tickets.Remove(stale);
            }
        }

        long ticket;
        do
        {
            // Random, so a ticket of a lost activation never names one of this activation's slots.
            ticket = Random.Shared.NextInt64(1, long.MaxValue);
        }
        while (!_tickets.TryAdd(ticket, slot));

        return new LookupBooking(wait - Lead, ticket);
    }

    private long Ticks(TimeSpan span) => (long)(span.TotalSeconds * time.TimestampFrequency);
}

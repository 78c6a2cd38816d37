using CredIr.Fanout;
using CredIr.Incidents.Tests.Infrastructure;
using Orleans.Core.Internal;

namespace CredIr.Incidents.Tests.Grains;

/// <summary>
/// The account-region budget grain tells each caller its slot at most a short lead before it, so an activation that is
/// lost (silo killed, stopped, or the grain deactivated) leaves no far-off slots behind, and its replacement starts after
/// every slot the lost one told. A coordinator with a fake clock; the grain is deactivated by hand.
/// </summary>
public sealed class LookupBudgetGrainTests : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(0.5);

    /// <summary>The fake clock's ticks are not 100 ns: slots converted between the two may differ by a microsecond.</summary>
    private static readonly TimeSpan Tick = TimeSpan.FromMilliseconds(1);
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Budget_SixRequestsAtOnce_SlotsHalfASecondApartEachToldShortlyBefore()
    {
        var time = new FakeTimeProvider();
        await using var node = await IncidentHarness.StartAsync("sqlite:" + Path.Combine(_folder.Path, "credir.db"), time: time);
        var grain = node.Grains.GetGrain<ILookupBudgetGrain>("111111111111/us-east-1");

        var booked = time.GetUtcNow();
        var bookings = new List<LookupBooking>();
        for (var i = 0; i < 6; i++)
        {
            bookings.Add(await grain.ReserveAsync(2));
        }

        var slots = new List<DateTimeOffset>();
        foreach (var booking in bookings)
        {
            slots.Add(await SlotAsync(grain, booking, booked, time));
        }

        Assert.All(bookings, b => Assert.False(b.Granted));
        Assert.All(slots.Zip(slots.Skip(1)), pair => Assert.InRange(pair.Second - pair.First, Interval - Tick, Interval + Tick));
    }

    [Fact]
    public async Task Budget_ActivationLostAfterTellingASlot_ReplacementSendsNothingWithinOneIntervalOfIt()
    {
        var time = new FakeTimeProvider();
        await using var node = await IncidentHarness.StartAsync("sqlite:" + Path.Combine(_folder.Path, "credir.db"), time: time);
        var grain = node.Grains.GetGrain<ILookupBudgetGrain>("111111111111/us-east-1");
        var first = await grain.ReserveAsync(2);
        var second = await grain.ReserveAsync(2);
        var told = await SlotAsync(grain, first, time.GetUtcNow(), time);

        // Lost with the second request's slot booked but not yet told.
        await grain.AsReference<IGrainManagementExtension>().DeactivateOnIdle();
        time.Advance(Interval);
        var afterLoss = await grain.ConfirmAsync(2, second.Ticket);
        var next = await SlotAsync(grain, afterLoss, time.GetUtcNow(), time);

        Assert.False(afterLoss.Granted);
        Assert.True(next - told >= Interval - Tick, $"the replacement's first slot came {(next - told).TotalMilliseconds} ms after the lost activation's last");
    }

    /// <summary>Brings a booking's tickets back when told to, as ClusterLookupBudget does: the moment the request may be sent.</summary>
    private static async Task<DateTimeOffset> SlotAsync(ILookupBudgetGrain grain, LookupBooking booking, DateTimeOffset answeredAt, FakeTimeProvider time)
    {
        while (!booking.Granted)
        {
            var comeBack = answeredAt + booking.Wait;
            if (comeBack > time.GetUtcNow())
            {
                time.Advance(comeBack - time.GetUtcNow());
            }

            answeredAt = time.GetUtcNow();
            booking = await grain.ConfirmAsync(2, booking.Ticket);
        }

        return time.GetUtcNow() + booking.Wait;
    }
}

using CredIr.Aws;

namespace CredIr.Fanout;

/// <summary>
/// LookupEvents' budget held by the cluster: each request books a slot with its account-region's
/// <see cref="ILookupBudgetGrain"/> and waits for it here, beside the grain's turn (a slot further off than the grain's
/// lead is a ticket, brought back when the slot is near).
/// </summary>
public sealed class ClusterLookupBudget(IGrainFactory grains, TimeProvider time) : ILookupEventsBudget
{
    /// <summary>How long the grain may stay unreachable (a silo dying, its activations moving) before the request fails.</summary>
    private static readonly TimeSpan Unreachable = TimeSpan.FromSeconds(30);

    public async ValueTask WaitTurnAsync(string accountId, string region, double requestsPerSecond, CancellationToken cancellationToken)
    {
        var grain = grains.GetGrain<ILookupBudgetGrain>(Key(accountId, region));
        var booking = await AskAsync(grain, requestsPerSecond, 0, accountId, region, cancellationToken).ConfigureAwait(false);
        while (!booking.Granted)
        {
            await Task.Delay(booking.Wait, time, cancellationToken).ConfigureAwait(false);
            booking = await AskAsync(grain, requestsPerSecond, booking.Ticket, accountId, region, cancellationToken).ConfigureAwait(false);
        }

        if (booking.Wait > TimeSpan.Zero)
        {
            await Task.Delay(booking.Wait, time, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The grain key of an account-region: "account/region".</summary>
    public static string Key(string accountId, string region) => accountId + "/" + region;

    private async Task<LookupBooking> AskAsync(ILookupBudgetGrain grain, double requestsPerSecond, long ticket, string accountId, string region, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        while (true)
        {
            try
            {
                var answer = ticket == 0 ? grain.ReserveAsync(requestsPerSecond) : grain.ConfirmAsync(requestsPerSecond, ticket);
                return await answer.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OrleansException or TimeoutException && !cancellationToken.IsCancellationRequested)
            {
                // The silo holding the activation died: membership moves it within about a second. Waiting one slot
                // before asking again never sends faster than the budget allows; the new activation books the ticket anew.
                if (time.GetElapsedTime(started) > Unreachable)
                {
                    throw new TimeoutException($"The LookupEvents budget of account {accountId} region {region} was unreachable in the cluster for {Unreachable.TotalSeconds:F0} s.", e);
                }

                await Task.Delay(TimeSpan.FromSeconds(1 / requestsPerSecond), time, cancellationToken).ConfigureAwait(false);
            }
        }
    }
}

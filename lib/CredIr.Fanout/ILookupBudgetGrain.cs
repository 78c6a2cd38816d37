namespace CredIr.Fanout;

/// <summary>
/// The LookupEvents budget of one account-region (key "account/region"): one activation in the whole cluster, so every
/// scan on every node books its requests in one schedule and together they stay within AWS's rate.
/// </summary>
public interface ILookupBudgetGrain : IGrainWithStringKey
{
    /// <summary>
    /// Books one request. The answer is either the wait before sending it (at most <see cref="LookupBudgetGrain.Lead"/>),
    /// or, when its slot is further off, a ticket to bring back with <see cref="ConfirmAsync"/> after the given wait.
    /// The turn only computes a slot, so it takes no CancellationToken; the caller's wait is what it cancels.
    /// </summary>
    /// <param name="requestsPerSecond">The caller's configured rate (AWS: 2); the slot after this one is 1/rate later.</param>
    Task<LookupBooking> ReserveAsync(double requestsPerSecond);

    /// <summary>
    /// Brings a ticket back: the wait before sending (at most the lead), or another ticket if it came back early. A ticket
    /// this activation does not know (booked by one lost since) is booked anew.
    /// </summary>
    Task<LookupBooking> ConfirmAsync(double requestsPerSecond, long ticket);
}

/// <summary>A booking: send after <see cref="Wait"/> when <see cref="Ticket"/> is 0, else come back with the ticket after it.</summary>
[GenerateSerializer]
[Immutable]
public readonly record struct LookupBooking([property: Id(0)] TimeSpan Wait, [property: Id(1)] long Ticket)
{
    /// <summary>Whether the caller may send once <see cref="Wait"/> has passed.</summary>
    public bool Granted => Ticket == 0;
}

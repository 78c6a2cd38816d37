namespace CredIr.Fanout;

/// <summary>
/// The LookupEvents budget of one account-region (key "account/region"): one activation in the whole cluster, so every
/// scan on every node books its requests in one schedule and together they stay within AWS's rate.
/// </summary>
public interface ILookupBudgetGrain : IGrainWithStringKey
{
    /// <summary>
    /// Books one request: how long the caller waits before sending it (zero when the budget has room now). The turn
    /// only computes a slot, so it takes no CancellationToken; the caller's wait is what it cancels.
    /// </summary>
    /// <param name="requestsPerSecond">The caller's configured rate (AWS: 2); the slot after this one is 1/rate later.</param>
    Task<TimeSpan> ReserveAsync(double requestsPerSecond);
}

namespace CredIr.Aws;

/// <summary>
/// CloudTrail LookupEvents' budget of an account-region held beyond this process. AWS allows 2 requests/s per
/// account and region for every caller in the account, so where several processes (the nodes of a cluster) scan
/// one organization, their token buckets must be one. A runtime given a budget asks it before every LookupEvents
/// attempt of a known account, in place of its own token bucket.
/// </summary>
public interface ILookupEventsBudget
{
    /// <summary>Completes when this process may send one LookupEvents request in the account-region.</summary>
    /// <param name="accountId">The account the request is signed for.</param>
    /// <param name="region">The region it goes to.</param>
    /// <param name="requestsPerSecond">The rate this process was configured with (<see cref="AwsClientOptions.LookupEventsPerSecond"/>).</param>
    /// <param name="cancellationToken">Ends the wait.</param>
    ValueTask WaitTurnAsync(string accountId, string region, double requestsPerSecond, CancellationToken cancellationToken);
}

using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace CredIr.Aws;

/// <summary>
/// The token buckets shared by every client of one <see cref="AwsRuntime"/>: one per account and
/// region for CloudTrail LookupEvents, one per account for IAM. Callers queue rather than fail.
/// With a <see cref="ILookupEventsBudget"/> (a cluster's), LookupEvents in a known account waits on it instead.
/// </summary>
internal sealed class AwsRateLimiters(AwsClientOptions options, ILookupEventsBudget? lookupEventsBudget) : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<RateLimiter>> _limiters = new(StringComparer.Ordinal);

    /// <param name="kind">The operation's limit.</param>
    /// <param name="accountId">The account, when known; the budget beyond the process is keyed by it, so calls of an unknown account keep the local bucket.</param>
    /// <param name="region">The region.</param>
    /// <param name="cancellationToken">Ends the wait.</param>
    public async ValueTask<RateLimitLease?> AcquireAsync(AwsRateLimit kind, string? accountId, string region, CancellationToken cancellationToken)
    {
        if (kind == AwsRateLimit.LookupEvents && lookupEventsBudget is not null && accountId is not null)
        {
            await lookupEventsBudget.WaitTurnAsync(accountId, region, options.LookupEventsPerSecond, cancellationToken).ConfigureAwait(false);
            return null;
        }

        var account = accountId ?? "caller";
        var limiter = kind switch
        {
            AwsRateLimit.LookupEvents => Get("cloudtrail:" + account + ":" + region, options.LookupEventsPerSecond, options.LookupEventsBurst),
            AwsRateLimit.Iam when options.IamRequestsPerSecond > 0 => Get("iam:" + account, options.IamRequestsPerSecond, options.IamBurst),
            _ => null,
        };
        if (limiter is null)
        {
            return null;
        }

        var lease = await limiter.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
        if (!lease.IsAcquired)
        {
            lease.Dispose();
            throw new InvalidOperationException($"The {kind} rate limiter for account {account} refused a request: its queue is full.");
        }

        return lease;
    }

    public void Dispose()
    {
        foreach (var limiter in _limiters.Values)
        {
            if (limiter.IsValueCreated)
            {
                limiter.Value.Dispose();
            }
        }
    }

    private RateLimiter Get(string key, double perSecond, int burst) =>
        _limiters.GetOrAdd(key, static (_, state) => new Lazy<RateLimiter>(() => Create(state.perSecond, state.burst)), (perSecond, burst)).Value;

    private static TokenBucketRateLimiter Create(double perSecond, int burst)
    {
        // One token per period keeps the rate exact for fractional rates too.
        var period = TimeSpan.FromSeconds(1 / perSecond);
        return new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = burst,
            TokensPerPeriod = 1,
            ReplenishmentPeriod = period,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }
}

using System.Collections.Concurrent;
using System.Threading.RateLimiting;

namespace CredIr.Aws;

/// <summary>
/// The token buckets shared by every client of one <see cref="AwsRuntime"/>: one per account and
/// region for CloudTrail LookupEvents, one per account for IAM. Callers queue rather than fail.
/// </summary>
internal sealed class AwsRateLimiters(AwsClientOptions options) : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<RateLimiter>> _limiters = new(StringComparer.Ordinal);

    public async ValueTask<RateLimitLease?> AcquireAsync(AwsRateLimit kind, string account, string region, CancellationToken cancellationToken)
    {
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

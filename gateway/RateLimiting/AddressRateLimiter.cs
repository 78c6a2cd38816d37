using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace CredIr.Gateway.RateLimiting;

/// <summary>One token bucket per remote address (Gateway:RateLimit:AddressTokenLimit, AddressTokensPerPeriod).</summary>
internal sealed class AddressRateLimiter(IOptions<RateLimitOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<HttpContext> _limiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
    {
        var o = options.Value;
        return o.Enabled
            ? RateLimitPartition.GetTokenBucketLimiter(http.Connection.RemoteIpAddress?.ToString() ?? string.Empty,
                _ => RateLimitRefusal.Bucket(o.AddressTokenLimit, o.AddressTokensPerPeriod, o.ReplenishmentPeriod))
            : RateLimitPartition.GetNoLimiter(string.Empty);
    });

    public RateLimitLease Acquire(HttpContext http) => _limiter.AttemptAcquire(http);

    public void Dispose() => _limiter.Dispose();
}

using System.Globalization;
using System.Threading.RateLimiting;
using Grpc.Core;

namespace CredIr.Gateway.RateLimiting;

/// <summary>RESOURCE_EXHAUSTED (429 for REST) with Retry-After, for either bucket.</summary>
internal static class RateLimitRefusal
{
    public static Task WriteAsync(HttpContext http, RateLimitLease lease, string message)
    {
        var retryAfter = lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return GatewayErrors.WriteAsync(http, StatusCode.ResourceExhausted, message);
    }

    public static TokenBucketRateLimiterOptions Bucket(int limit, int perPeriod, TimeSpan period) => new()
    {
        TokenLimit = limit,
        TokensPerPeriod = perPeriod,
        ReplenishmentPeriod = period,
        QueueLimit = 0,
        AutoReplenishment = true,
    };
}

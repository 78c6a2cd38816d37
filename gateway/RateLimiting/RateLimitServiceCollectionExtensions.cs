using System.Globalization;
using System.Threading.RateLimiting;
using CredIr.Gateway.Auth;
using Grpc.Core;
using Microsoft.Extensions.Options;

namespace CredIr.Gateway.RateLimiting;

internal static class RateLimitServiceCollectionExtensions
{
    public static IServiceCollection AddGatewayRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RateLimitOptions>, RateLimitOptionsValidator>();
        services.AddRateLimiter(limiter =>
        {
            limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                var options = http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
                if (!options.Enabled)
                {
                    return RateLimitPartition.GetNoLimiter("off");
                }

                var key = RoleReader.Subject(http.User) is { } subject ? "sub:" + subject : "ip:" + http.Connection.RemoteIpAddress;
                return RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
                {
                    TokenLimit = options.TokenLimit,
                    TokensPerPeriod = options.TokensPerPeriod,
                    ReplenishmentPeriod = options.ReplenishmentPeriod,
                    QueueLimit = 0,
                    AutoReplenishment = true,
                });
            });
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
                context.HttpContext.Response.Headers.RetryAfter =
                    Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                await GatewayErrors.WriteAsync(context.HttpContext, StatusCode.ResourceExhausted,
                    "Too many calls from this caller; retry after the Retry-After delay.").ConfigureAwait(false);
            };
        });
        return services;
    }
}

using System.Threading.RateLimiting;
using CredIr.Gateway.Auth;
using Microsoft.Extensions.Options;

namespace CredIr.Gateway.RateLimiting;

internal static class RateLimitServiceCollectionExtensions
{
    public static IServiceCollection AddGatewayRateLimiting(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RateLimitOptions>, RateLimitOptionsValidator>();
        services.AddSingleton<AddressRateLimiter>();
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
                return RateLimitPartition.GetTokenBucketLimiter(key, _ => RateLimitRefusal.Bucket(options.TokenLimit, options.TokensPerPeriod, options.ReplenishmentPeriod));
            });
            limiter.OnRejected = (context, _) => new ValueTask(RateLimitRefusal.WriteAsync(context.HttpContext, context.Lease,
                "Too many calls from this caller; retry after the Retry-After delay."));
        });
        return services;
    }
}

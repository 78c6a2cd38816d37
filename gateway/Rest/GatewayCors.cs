namespace CredIr.Gateway.Rest;

/// <summary>CORS for the portal origins in Gateway:Cors:Origins; no origin is allowed by default.</summary>
internal static class GatewayCors
{
    public const string PolicyName = "portals";

    public const string SectionName = "Gateway:Cors:Origins";

    public static IServiceCollection AddGatewayCors(this IServiceCollection services, IConfiguration configuration)
    {
        var origins = configuration.GetSection(SectionName).Get<string[]>() ?? [];
        services.AddCors(cors => cors.AddPolicy(PolicyName, policy => policy
            .WithOrigins(origins)
            .WithMethods("GET", "POST")
            .WithHeaders("authorization", "content-type", "last-event-id")
            .SetPreflightMaxAge(TimeSpan.FromMinutes(10))));
        return services;
    }
}

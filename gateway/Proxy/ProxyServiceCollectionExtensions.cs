using Microsoft.Extensions.Options;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Health;

namespace CredIr.Gateway.Proxy;

internal static class ProxyServiceCollectionExtensions
{
    /// <summary>The optional section with YARP's own routes and clusters, beside the translated Gateway:Services.</summary>
    public const string ReverseProxySection = "ReverseProxy";

    /// <summary>YARP with the translated Gateway:Services, the grpc.health.v1 probe, passive health and the identity transform.</summary>
    public static IServiceCollection AddGatewayProxy(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<RetryPolicy>();
        services.AddSingleton<UpstreamIdentityTransform>();
        services.AddSingleton<IAvailableDestinationsPolicy, GrpcHealthyDestinations>();
        services.AddSingleton<IPassiveHealthCheckPolicy, FirstTransportFailurePolicy>();
        services.AddHostedService<GrpcHealthProbe>();
        services.AddSingleton<IProxyConfigProvider>(static sp =>
        {
            var options = sp.GetRequiredService<IOptions<GatewayOptions>>().Value;
            return new InMemoryConfigProvider(GatewayProxyConfig.Routes(options), GatewayProxyConfig.Clusters(options));
        });
        var proxy = services.AddReverseProxy().AddTransforms<GatewayTransforms>();
        var section = configuration.GetSection(ReverseProxySection);
        if (section.Exists())
        {
            proxy.LoadFromConfig(section);
        }

        return services;
    }

    /// <summary>The proxy's routes; each request runs <see cref="ForwardingMiddleware"/>, then YARP's load balancing and passive health.</summary>
    public static void MapGatewayProxy(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapReverseProxy(static pipeline =>
        {
            pipeline.UseMiddleware<ForwardingMiddleware>();
            pipeline.UseSessionAffinity();
            pipeline.UseLoadBalancing();
            pipeline.UsePassiveHealthChecks();
        });
}

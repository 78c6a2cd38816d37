using System.Net;
using CredIr.Gateway.Rest;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.LoadBalancing;

namespace CredIr.Gateway.Proxy;

/// <summary>
/// Gateway:Services:&lt;Name&gt;:Addresses translated to YARP's model: one route per service
/// (<c>POST /credir.v1.&lt;Name&gt;/{method}</c>) and one cluster of its instances, round-robin, HTTP/2 only,
/// health from the grpc.health.v1 probe and from transport failures.
/// </summary>
internal static class GatewayProxyConfig
{
    /// <summary>gRPC streams (a watch) may stay quiet for hours; the deadline the client sets is what ends a call.</summary>
    private static readonly TimeSpan StreamIdleTimeout = TimeSpan.FromHours(24);

    public static string RouteId(string service) => "grpc-" + service;

    /// <summary>Route metadata naming the rpc a REST route is transcoded to ("credir.v1.Incidents/GetIncident"): its roles are that rpc's.</summary>
    public const string GrpcMethodKey = "GrpcMethod";

    public static IReadOnlyList<RouteConfig> Routes(GatewayOptions options) =>
        [.. Configured(options).SelectMany(s => Grpc(s.Name).Concat(s.Name == "Incidents" ? Rest() : []))];

    private static IEnumerable<RouteConfig> Grpc(string service) =>
    [
        new RouteConfig
        {
            RouteId = RouteId(service),
            ClusterId = service,
            // Ahead of the gRPC layer's catch-all "unimplemented" endpoint, which matches the same paths;
            // behind the services mapped in this process (order -2).
            Order = -1,
            Match = new RouteMatch { Path = $"/credir.v1.{service}/{{method}}", Methods = ["POST"] },
        },
    ];

    /// <summary>incidents.proto's google.api.http routes, proxied to the Incidents hosts, which transcode them.</summary>
    private static IEnumerable<RouteConfig> Rest() =>
        TranscodedRoutes.All.Select(static r => new RouteConfig
        {
            RouteId = "rest-" + r.Method,
            ClusterId = "Incidents",
            CorsPolicy = GatewayCors.PolicyName,
            Match = new RouteMatch { Path = r.Pattern, Methods = [r.Verb] },
            Metadata = new Dictionary<string, string>(StringComparer.Ordinal) { [GrpcMethodKey] = $"{TranscodedRoutes.Service}/{r.Method}" },
        });

    public static IReadOnlyList<ClusterConfig> Clusters(GatewayOptions options) =>
        [.. Configured(options).Select(s => new ClusterConfig
        {
            ClusterId = s.Name,
            LoadBalancingPolicy = LoadBalancingPolicies.RoundRobin,
            // h2c backends need RequestVersionExact: with RequestVersionOrLower the client speaks HTTP/1.1
            // to a cleartext port and gRPC fails with INTERNAL.
            HttpRequest = new ForwarderRequestConfig
            {
                Version = HttpVersion.Version20,
                VersionPolicy = HttpVersionPolicy.RequestVersionExact,
                ActivityTimeout = StreamIdleTimeout,
            },
            HttpClient = new HttpClientConfig { EnableMultipleHttp2Connections = true },
            HealthCheck = new HealthCheckConfig
            {
                AvailableDestinationsPolicy = GrpcHealthyDestinations.PolicyName,
                Passive = new PassiveHealthCheckConfig
                {
                    Enabled = true,
                    Policy = FirstTransportFailurePolicy.PolicyName,
                    ReactivationPeriod = options.HealthCheckInterval,
                },
            },
            Destinations = s.Addresses.Select((address, i) => (Id: $"{s.Name}-{i}", address))
                .ToDictionary(d => d.Id, d => new DestinationConfig { Address = d.address }, StringComparer.Ordinal),
        })];

    private static IEnumerable<(string Name, List<string> Addresses)> Configured(GatewayOptions options) =>
        options.Services.Where(s => s.Value.Addresses.Count > 0).Select(s => (s.Key, s.Value.Addresses));
}

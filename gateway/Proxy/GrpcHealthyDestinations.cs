using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Model;

namespace CredIr.Gateway.Proxy;

/// <summary>
/// The destinations neither the grpc.health.v1 probe (<see cref="GrpcHealthProbe"/>, YARP's active state)
/// nor a transport failure (passive state) marked unhealthy. YARP's own policy counts the active state
/// only when YARP's HTTP GET prober is enabled, which cannot read a gRPC health answer.
/// </summary>
internal sealed class GrpcHealthyDestinations : IAvailableDestinationsPolicy
{
    public const string PolicyName = "GrpcHealthy";

    public string Name => PolicyName;

    public IReadOnlyList<DestinationState> GetAvailalableDestinations(ClusterConfig config, IReadOnlyList<DestinationState> allDestinations) =>
        [.. allDestinations.Where(static d => d.Health.Active != DestinationHealth.Unhealthy && d.Health.Passive != DestinationHealth.Unhealthy)];
}

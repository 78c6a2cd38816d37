using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Model;

namespace CredIr.Gateway.Proxy;

/// <summary>
/// Passive health: an instance that could not be reached (connection refused, reset, TLS failure) is
/// skipped at once until the cluster's reactivation period ends or the probe finds it serving again.
/// A gRPC error status is an answer, not a failure; a client leaving is not the instance's fault.
/// </summary>
internal sealed class FirstTransportFailurePolicy(IDestinationHealthUpdater updater) : IPassiveHealthCheckPolicy
{
    public const string PolicyName = "FirstTransportFailure";

    private static readonly TimeSpan DefaultReactivation = TimeSpan.FromSeconds(5);

    public string Name => PolicyName;

    public void RequestProxied(HttpContext context, ClusterState cluster, DestinationState destination)
    {
        if (context.Features.Get<IForwarderErrorFeature>()?.Error is ForwarderError.Request)
        {
            updater.SetPassive(cluster, destination, DestinationHealth.Unhealthy,
                cluster.Model.Config.HealthCheck?.Passive?.ReactivationPeriod ?? DefaultReactivation);
        }
    }
}

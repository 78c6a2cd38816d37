using System.Collections.Concurrent;
using Grpc.Net.Client;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Model;

namespace CredIr.Gateway.Rest;

/// <summary>A channel to an available instance of the Incidents cluster (YARP's health and round-robin view), for REST calls.</summary>
internal sealed class IncidentsChannels(IProxyStateLookup proxy) : IDisposable
{
    private readonly ConcurrentDictionary<string, GrpcChannel> _channels = new(StringComparer.Ordinal);
    private readonly SocketsHttpHandler _handler = new() { EnableMultipleHttp2Connections = true, UseCookies = false, UseProxy = false };
    private int _next = -1;

    public (GrpcChannel Channel, DestinationState Destination)? Pick()
    {
        if (!proxy.TryGetCluster("Incidents", out var cluster))
        {
            return null;
        }

        var available = cluster.DestinationsState.AvailableDestinations;
        if (available.Count == 0)
        {
            return null;
        }

        var destination = available[(int)((uint)Interlocked.Increment(ref _next) % (uint)available.Count)];
        var channel = _channels.GetOrAdd(destination.Model.Config.Address,
            static (address, handler) => GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = false }), _handler);
        return (channel, destination);
    }

    public void Dispose()
    {
        foreach (var channel in _channels.Values)
        {
            channel.Dispose();
        }

        _handler.Dispose();
    }
}

using Grpc.Net.Client;

namespace CredIr.Gateway.Forwarding;

/// <summary>One address of a service, its last known health, and a channel for typed calls (REST).</summary>
internal sealed class BackendInstance(Uri address, HttpMessageHandler handler) : IDisposable
{
    private volatile bool _healthy = true;

    public Uri Address { get; } = address;

    public bool Healthy => _healthy;

    public GrpcChannel Channel { get; } = GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpHandler = handler });

    public void MarkHealthy(bool healthy) => _healthy = healthy;

    public void Dispose() => Channel.Dispose();
}

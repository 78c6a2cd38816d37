namespace CredIr.Gateway.Tests.Support;

/// <summary>One Incidents backend and one gateway in front of it, shared by a test class.</summary>
public sealed class GatewayFixture : IAsyncLifetime
{
    private IncidentsBackend? _backend;
    private GatewayHost? _gateway;

    internal IncidentsBackend Backend => _backend ?? throw new InvalidOperationException("not started");

    internal GatewayHost Gateway => _gateway ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync()
    {
        _backend = await IncidentsBackend.StartAsync();
        _gateway = await GatewayHost.StartAsync(GatewayHost.Settings(_backend.Address));
    }

    public async Task DisposeAsync()
    {
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }

        if (_backend is not null)
        {
            await _backend.DisposeAsync();
        }
    }
}

using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace CredIr.Gateway.Auth;

/// <summary>
/// Refuses to start in development mode (everyone gets every role) when any listening address is
/// not loopback. Checks once every hosted service (Kestrel included) has started, so it sees the
/// addresses actually bound; the exception fails the host's start.
/// </summary>
internal sealed class DevelopmentModeGuard(IServer server, IOptions<GatewayAuthOptions> options) : IHostedLifecycleService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.DevelopmentMode)
        {
            return Task.CompletedTask;
        }

        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var exposed = addresses.Where(a => !IsLoopback(a)).ToList();
        if (exposed.Count > 0)
        {
            throw new InvalidOperationException(
                $"Gateway:Auth:DevelopmentMode=true gives every caller all roles, so the gateway listens only on loopback; refusing to start on {string.Join(", ", exposed)}.");
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    internal static bool IsLoopback(string address)
    {
        var host = BindingAddress.Parse(address).Host;
        return host == "localhost" || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
    }
}

using System.Net;
using CredIr.Contracts.Calls;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using Microsoft.Extensions.Options;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.Model;

namespace CredIr.Gateway.Proxy;

/// <summary>
/// Active health for YARP's clusters: calls grpc.health.v1.Health/Check on every destination of the
/// clusters using <see cref="GrpcHealthyDestinations"/>, once before the gateway serves (so a dead
/// instance is skipped from the first call) and then every Gateway:HealthCheckInterval, and records
/// the result as YARP's active health state.
/// </summary>
internal sealed partial class GrpcHealthProbe(
    IProxyStateLookup proxy,
    IDestinationHealthUpdater updater,
    IOptions<GatewayOptions> options,
    TimeProvider time,
    ILogger<GrpcHealthProbe> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly SocketsHttpHandler _handler = new()
    {
        EnableMultipleHttp2Connections = true,
        PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
        ConnectTimeout = TimeSpan.FromSeconds(5),
        AutomaticDecompression = DecompressionMethods.None,
        UseCookies = false,
        UseProxy = false,
    };

    private Task? _loop;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await CheckAllAsync(cancellationToken).ConfigureAwait(false);
        _loop = LoopAsync(_stopping.Token);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        if (_loop is not null)
        {
            await _loop.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    public void Dispose()
    {
        _stopping.Dispose();
        _handler.Dispose();
    }

    private async Task LoopAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(options.Value.HealthCheckInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                await CheckAllAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private Task CheckAllAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(proxy.GetClusters()
            .Where(static c => c.Model.Config.HealthCheck?.AvailableDestinationsPolicy == GrpcHealthyDestinations.PolicyName)
            .Select(c => CheckClusterAsync(c, cancellationToken)));

    private async Task CheckClusterAsync(ClusterState cluster, CancellationToken cancellationToken)
    {
        var destinations = cluster.Destinations.Values.ToList();
        var results = await Task.WhenAll(destinations.Select(d => CheckAsync(cluster.ClusterId, d, cancellationToken))).ConfigureAwait(false);
        updater.SetActive(cluster, destinations.Zip(results, static (d, healthy) =>
            new NewActiveDestinationHealth(d, healthy ? DestinationHealth.Healthy : DestinationHealth.Unhealthy)));
    }

    private async Task<bool> CheckAsync(string cluster, DestinationState destination, CancellationToken cancellationToken)
    {
        var address = destination.Model.Config.Address;
        bool healthy;
        try
        {
            using var channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpHandler = _handler, DisposeHttpClient = false });
            var response = await new Health.HealthClient(channel).CheckAsync(
                new HealthCheckRequest(), deadline: Deadlines.After(options.Value.HealthCheckTimeout), cancellationToken: cancellationToken).ResponseAsync.ConfigureAwait(false);
            healthy = response.Status == HealthCheckResponse.Types.ServingStatus.Serving;
        }
        catch (Exception e) when (e is RpcException or HttpRequestException or OperationCanceledException)
        {
            healthy = false;
        }

        if (healthy != (destination.Health.Active == DestinationHealth.Healthy))
        {
            Log.HealthChanged(logger, cluster, address, healthy);
        }

        return healthy;
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Gateway backend {Service} at {Address}: healthy={Healthy}")]
        public static partial void HealthChanged(ILogger logger, string service, string address, bool healthy);
    }
}

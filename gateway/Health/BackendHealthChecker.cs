using CredIr.Gateway.Forwarding;
using Grpc.Core;
using CredIr.Contracts.Calls;
using Grpc.Health.V1;
using Microsoft.Extensions.Options;

namespace CredIr.Gateway.Health;

/// <summary>
/// Calls grpc.health.v1.Health/Check on every instance: once before the gateway serves (so a dead
/// instance is skipped from the first call), then every Gateway:HealthCheckInterval.
/// </summary>
internal sealed partial class BackendHealthChecker(
    BackendRegistry registry,
    IOptions<GatewayOptions> options,
    TimeProvider time,
    ILogger<BackendHealthChecker> logger) : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
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

    public void Dispose() => _stopping.Dispose();

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

    internal Task CheckAllAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(registry.Pools.SelectMany(p => p.Instances.Select(i => CheckAsync(p.Service, i, cancellationToken))));

    private async Task CheckAsync(string service, BackendInstance instance, CancellationToken cancellationToken)
    {
        var healthy = false;
        try
        {
            var response = await new global::Grpc.Health.V1.Health.HealthClient(instance.Channel).CheckAsync(
                new HealthCheckRequest(), deadline: Deadlines.After(options.Value.HealthCheckTimeout), cancellationToken: cancellationToken).ResponseAsync.ConfigureAwait(false);
            healthy = response.Status == HealthCheckResponse.Types.ServingStatus.Serving;
        }
        catch (Exception e) when (e is RpcException or HttpRequestException or OperationCanceledException)
        {
            healthy = false;
        }

        if (healthy != instance.Healthy)
        {
            Log.HealthChanged(logger, service, instance.Address, healthy);
        }

        instance.MarkHealthy(healthy);
    }

    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Gateway backend {Service} at {Address}: healthy={Healthy}")]
        public static partial void HealthChanged(ILogger logger, string service, Uri address, bool healthy);
    }
}

using CredIr.Contracts.V1;
using CredIr.Gateway.Tests.Support;
using CredIr.Hosting;
using Grpc.Core;

namespace CredIr.Gateway.Tests.Grpc;

/// <summary>What the backend sees of a streaming call through the gateway: the client's deadline less the gateway's time, and the client leaving.</summary>
public sealed class UpstreamCallTests : IAsyncLifetime
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private readonly ObservedVerification _service = new();
    private WebApplication? _backend;
    private GatewayHost? _gateway;

    private CredIr.Contracts.V1.Containment.ContainmentClient Client => new((_gateway ?? throw new InvalidOperationException("not started")).Channel);

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Grpc:CallerKey"] = IncidentsBackend.CallerKey });
        builder.AddCredIrGrpcHost();
        builder.Services.AddSingleton<CredIr.Contracts.V1.Containment.ContainmentBase>(_service);
        _backend = builder.Build();
        _backend.MapGrpcService<CredIr.Contracts.V1.Containment.ContainmentBase>();
        _backend.MapGrpcInfrastructure();
        await _backend.StartAsync();
        var settings = GatewayHost.Settings();
        settings["Gateway:Services:Containment:Addresses:0"] = _backend.Urls.First();
        _gateway = await GatewayHost.StartAsync(settings, configure: static b => b.Services.AddSingleton<TimeProvider>(new SteppingClock(TimeSpan.FromSeconds(5))));
    }

    [Fact]
    public async Task ClientCancelsAStream_TheBackendCallIsCancelled()
    {
        using var cancel = new CancellationTokenSource();
        var options = Approvals.As("rita", "responder").WithCancellationToken(cancel.Token);
        using var call = Client.VerifyContainment(new VerifyContainmentRequest { IncidentId = "cancelled" }, options);
        var reading = call.ResponseStream.MoveNext(CancellationToken.None);
        await _service.Started.WaitAsync(Wait);

        await cancel.CancelAsync();

        await _service.Cancelled.WaitAsync(Wait);
        var error = await Assert.ThrowsAsync<RpcException>(() => reading);
        Assert.Equal(StatusCode.Cancelled, error.StatusCode);
    }

    [Fact]
    public async Task ClientDeadline_ReachesTheBackendLessTheTimeSpentInTheGateway()
    {
        var options = Approvals.As("rita", "responder").WithDeadline(DateTime.UtcNow.AddSeconds(60));
        using var call = Client.VerifyContainment(new VerifyContainmentRequest { IncidentId = "deadline" }, options);
        _ = call.ResponseStream.MoveNext(CancellationToken.None);

        var timeout = CredIr.Gateway.Proxy.GrpcTimeout.Parse(await _service.Started.WaitAsync(Wait));

        // The gateway's clock moves 5 s each time it is read: at least 5 s pass between the request's arrival and its forwarding.
        Assert.NotNull(timeout);
        Assert.InRange(timeout.Value, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(55));
    }

    public async Task DisposeAsync()
    {
        if (_gateway is not null)
        {
            await _gateway.DisposeAsync();
        }

        if (_backend is not null)
        {
            await _backend.StopAsync();
            await _backend.DisposeAsync();
        }
    }
}

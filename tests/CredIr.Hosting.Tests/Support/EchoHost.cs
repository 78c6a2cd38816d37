using CredIr.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CredIr.Hosting.Tests.Support;

/// <summary>A real Kestrel gRPC host on a loopback port, serving the echo service, health and reflection.</summary>
public sealed class EchoHost : IAsyncLifetime
{
    /// <summary>The host's Grpc:CallerKey: a front sending it with x-credir-caller names the caller.</summary>
    public const string CallerKey = "echo-host-caller-key-0123456789";

    private WebApplication? _app;

    public EchoProbe Probe { get; } = new();

    public LogSink Logs { get; } = new();

    public Uri Address { get; private set; } = null!;

    /// <summary>"127.0.0.1:port", as grpcio wants it.</summary>
    public string Target => $"{Address.Host}:{Address.Port}";

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateBuilder(["--urls", "http://127.0.0.1:0"]);
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Logging.AddProvider(Logs);
        builder.Configuration["Grpc:CallerKey"] = CallerKey;
        builder.AddCredIrGrpcHost();
        builder.Services.AddServiceHealth("credir.test.v1.Echo");
        builder.Services.AddSingleton(Probe);
        builder.Services.AddSingleton<EchoService>();
        _app = builder.Build();
        _app.MapGrpcService<EchoService>();
        _app.MapGrpcInfrastructure();
        await _app.StartAsync();
        var addresses = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
        Address = new Uri(addresses.Addresses.Single());
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}

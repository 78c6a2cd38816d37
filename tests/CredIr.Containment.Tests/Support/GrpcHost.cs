using CredIr.Aws;
using CredIr.Containment.Cloud;
using CredIr.Contracts.Services;
using CredIr.Grpc;
using CredIr.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CredIr.Containment.Tests.Support;

/// <summary>The containment service hosted as the service's own Program hosts it: Kestrel, HTTP/2 on loopback, MapGrpcService.</summary>
internal sealed class GrpcHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly HttpClient _http;
    private readonly AwsRuntime _runtime;

    private GrpcHost(WebApplication app, GrpcChannel channel, HttpClient http, AwsRuntime runtime)
    {
        _app = app;
        Channel = channel;
        _http = http;
        _runtime = runtime;
        Client = channel.CreateClient<IContainmentService>();
    }

    public GrpcChannel Channel { get; }

    public IContainmentService Client { get; }

    public static async Task<GrpcHost> StartAsync(SandboxHost sandbox)
    {
        var http = new HttpClient();
        var runtime = new AwsRuntime(http, new AwsClientOptions { EndpointUrl = sandbox.Endpoint, Region = "us-east-1", UseEnvironmentEndpoints = false, MaxAttempts = 2, BaseDelay = TimeSpan.FromMilliseconds(5), MaxDelay = TimeSpan.FromMilliseconds(20) });
        var admin = sandbox.Accounts[0].AdminCredentials;
        var builder = WebApplication.CreateBuilder(["--urls", "http://127.0.0.1:0"]);
        builder.Logging.ClearProviders();
        builder.AddCredIrGrpcHost();
        builder.Services.AddSingleton(runtime);
        builder.Services.AddSingleton(new ResponderCredentials(AwsCredentialChain.FromKeys(admin.AccessKeyId, admin.SecretAccessKey)));
        builder.AddContainmentServices();
        var app = builder.Build();
        app.MapGrpcService<IContainmentService>();
        app.MapGrpcInfrastructure();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new GrpcHost(app, GrpcChannel.ForAddress(address), http, runtime);
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _runtime.Dispose();
        _http.Dispose();
    }
}

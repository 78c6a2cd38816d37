using CredIr.Hosting;
using Grpc.Net.Client;
using CredIr.Aws;
using CredIr.Containment.Cloud;
using Grpc.Core;
using CredIr.Sandbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CredIr.Containment.Tests.Support;

/// <summary>The containment service hosted as the service's own Program hosts it: Kestrel, HTTP/2 on loopback, MapGrpcService.</summary>
internal sealed class GrpcHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private GrpcHost(WebApplication app, GrpcChannel channel, string address)
    {
        _app = app;
        Address = address;
        Channel = channel;
        Client = new CredIr.Contracts.V1.Containment.ContainmentClient(channel);
    }

    public GrpcChannel Channel { get; }

    public string Address { get; }

    public IServiceProvider Services => _app.Services;

    public CredIr.Contracts.V1.Containment.ContainmentClient Client { get; }

    public static async Task<GrpcHost> StartAsync(SandboxHost sandbox, IDictionary<string, string?>? settings = null)
    {
        var admin = sandbox.Accounts[0].AdminCredentials;
        var builder = WebApplication.CreateBuilder(["--urls", "http://127.0.0.1:0"]);
        builder.Logging.ClearProviders();
        // The AWS runtime comes from configuration, as in a deployed service.
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Aws:EndpointUrl"] = sandbox.Endpoint.ToString(),
            ["Aws:Region"] = "us-east-1",
            ["Aws:UseEnvironmentEndpoints"] = "false",
            ["Aws:MaxAttempts"] = "2",
            ["Aws:BaseDelay"] = "00:00:00.005",
            ["Aws:MaxDelay"] = "00:00:00.020",
        });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.AddCredIrGrpcHost();
        builder.Services.AddSingleton(new ResponderCredentials(AwsCredentialChain.FromKeys(admin.AccessKeyId, admin.SecretAccessKey)));
        builder.AddContainmentServices();
        var app = builder.Build();
        app.MapGrpcService<CredIr.Contracts.V1.Containment.ContainmentBase>();
        app.MapGrpcInfrastructure();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new GrpcHost(app, GrpcChannel.ForAddress(address), address);
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

using Grpc.Net.Client;
using System.Net;
using System.Net.Http.Headers;
using Grpc.Core;

namespace CredIr.Gateway.Tests.Support;

/// <summary>The gateway on its own Kestrel host on loopback, configured as a deployment would be.</summary>
internal sealed class GatewayHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private GatewayHost(WebApplication app)
    {
        _app = app;
        Address = app.Urls.First();
        Http = new HttpClient(new SocketsHttpHandler())
        {
            BaseAddress = new Uri(Address),
            DefaultRequestVersion = HttpVersion.Version20,
            DefaultVersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        Channel = GrpcChannel.ForAddress(Address);
    }

    public string Address { get; }

    /// <summary>HTTP/2 with prior knowledge: the gateway's cleartext port speaks h2c, as every gRPC host here.</summary>
    public HttpClient Http { get; }

    public GrpcChannel Channel { get; }

    public IServiceProvider Services => _app.Services;

    public string HostPort => new Uri(Address).Authority;

    public static Dictionary<string, string?> Settings(params string[] backendAddresses)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Gateway:CallerKey"] = IncidentsBackend.CallerKey,
            ["Gateway:Auth:Issuer"] = Tokens.Issuer,
            ["Gateway:Auth:Audience"] = Tokens.Audience,
            ["Gateway:Auth:SigningKey"] = Tokens.SigningKey,
            ["Gateway:RateLimit:TokenLimit"] = "1000",
            ["Gateway:RateLimit:TokensPerPeriod"] = "1000",
            ["Gateway:RateLimit:AddressTokenLimit"] = "100000",
            ["Gateway:RateLimit:AddressTokensPerPeriod"] = "100000",
            ["Gateway:Cors:Origins:0"] = "https://portal.credir.test",
        };
        for (var i = 0; i < backendAddresses.Length; i++)
        {
            settings[$"Gateway:Services:Incidents:Addresses:{i}"] = backendAddresses[i];
        }

        return settings;
    }

    public static async Task<GatewayHost> StartAsync(IDictionary<string, string?> settings, string url = "http://127.0.0.1:0", Action<WebApplicationBuilder>? configure = null)
    {
        var app = Build(settings, url, configure);
        await app.StartAsync();
        return new GatewayHost(app);
    }

    public static WebApplication Build(IDictionary<string, string?> settings, string url, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls(url);
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddGateway();
        configure?.Invoke(builder);
        var app = builder.Build();
        app.MapGateway();
        return app;
    }

    public static HttpRequestMessage Request(HttpMethod method, string path, string? token = null, string? json = null)
    {
        var request = new HttpRequestMessage(method, path) { Version = HttpVersion.Version20, VersionPolicy = HttpVersionPolicy.RequestVersionExact };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        if (json is not null)
        {
            request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        }

        return request;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        Channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

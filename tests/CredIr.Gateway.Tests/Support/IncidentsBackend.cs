using CredIr.Contracts.Services;
using CredIr.Grpc;
using CredIr.Incidents.Hosting;

namespace CredIr.Gateway.Tests.Support;

/// <summary>The Incidents service on its own Kestrel host (h2c on a loopback port), with a SQLite store.</summary>
internal sealed class IncidentsBackend : IAsyncDisposable
{
    public const string CallerKey = "gateway-tests-caller-key-0123456789";

    private readonly WebApplication _app;
    private readonly string _folder;

    private IncidentsBackend(WebApplication app, string folder)
    {
        _app = app;
        _folder = folder;
    }

    public string Address => _app.Urls.First();

    public static async Task<IncidentsBackend> StartAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "credir-gateway-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Incidents:Store"] = "sqlite:" + Path.Combine(folder, "incidents.db"),
            ["Incidents:TwoPersonRule"] = "false",
        });
        builder.AddCredIrGrpcHost();
        builder.AddIncidentServices();
        var original = builder.Services.Last(d => d.ServiceType == typeof(IIncidentsService));
        builder.Services.Remove(original);
        builder.Services.AddSingleton<IIncidentsService>(sp => new TrustingIncidents((IIncidentsService)original.ImplementationFactory!(sp), CallerKey));

        var app = builder.Build();
        app.MapGrpcService<IIncidentsService>();
        app.MapGrpcInfrastructure();
        await app.StartAsync();
        return new IncidentsBackend(app, folder);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}

using CredIr.Hosting.InProcess;
using CredIr.Hosting;
using Grpc.Core;
using CredIr.Incidents.Hosting;

namespace CredIr.Gateway.Tests.Support;

/// <summary>
/// The Incidents service on its own Kestrel host (h2c on a loopback port), with a SQLite store, as a
/// deployment behind the gateway runs it: Grpc:CallerKey shared with the gateway, so the caller the
/// gateway names is the coordinator's actor. Identification and Containment are stand-ins that get
/// an incident as far as its containment approval.
/// </summary>
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

    public static async Task<IncidentsBackend> StartAsync(IReadOnlyDictionary<string, string?>? extra = null)
    {
        var folder = NewFolder();
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(Settings(folder));
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Grpc:CallerKey"] = CallerKey });
        builder.Configuration.AddInMemoryCollection(extra ?? new Dictionary<string, string?>());
        builder.AddCredIrGrpcHost();
        AddIncidents(builder);

        var app = builder.Build();
        app.MapGrpcService<CredIr.Contracts.V1.Incidents.IncidentsBase>();
        app.MapGrpcInfrastructure();
        await app.StartAsync();
        return new IncidentsBackend(app, folder);
    }

    public static string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "credir-gateway-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    public static Dictionary<string, string?> Settings(string folder) => new()
    {
        ["Incidents:Store"] = "sqlite:" + Path.Combine(folder, "incidents.db"),
        ["Incidents:TwoPersonRule"] = "true",
    };

    /// <summary>The coordinator and its two stand-in phase services, in whichever host this is.</summary>
    public static void AddIncidents(WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CredIr.Contracts.V1.Identification.IdentificationBase, OneKeyIdentification>();
        builder.Services.AddSingleton<CredIr.Contracts.V1.Containment.ContainmentBase, PlanOnlyContainment>();
        builder.Services.AddInProcessClient<CredIr.Contracts.V1.Identification.IdentificationBase, CredIr.Contracts.V1.Identification.IdentificationClient>(
            CredIr.Contracts.V1.Identification.BindService, static i => new(i));
        builder.Services.AddInProcessClient<CredIr.Contracts.V1.Containment.ContainmentBase, CredIr.Contracts.V1.Containment.ContainmentClient>(
            CredIr.Contracts.V1.Containment.BindService, static i => new(i));
        builder.AddIncidentServices();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }
}

using CredIr.Aws;
using CredIr.Incidents.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CredIr.Bench.FanOut;

/// <summary>
/// A coordinator as <c>credir serve</c> hosts it (SQLite store, its one silo): its account-region grains hold
/// LookupEvents' budget, and <see cref="Budget"/> is what that process's AWS runtime books its requests with.
/// </summary>
internal sealed class CoordinatorSilo(IHost host, string folder) : IAsyncDisposable
{
    public ILookupEventsBudget Budget { get; } = host.Services.GetRequiredService<ILookupEventsBudget>();

    public static async Task<CoordinatorSilo> StartAsync(CancellationToken ct)
    {
        var folder = Directory.CreateTempSubdirectory("credir-fanout-").FullName;
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Incidents:Store"] = "sqlite:" + Path.Combine(folder, "credir.db") });
        builder.AddIncidentServices();
        var host = builder.Build();
        await host.StartAsync(ct);
        return new CoordinatorSilo(host, folder);
    }

    public async ValueTask DisposeAsync()
    {
        await host.StopAsync();
        host.Dispose();
        Directory.Delete(folder, recursive: true);
    }
}

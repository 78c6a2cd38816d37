using CredIr.Incidents.Grains;
using CredIr.Incidents.Hosting;
using CredIr.Incidents.Service;
using CredIr.Incidents.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CredIr.Incidents.Tests.Infrastructure;

/// <summary>
/// One coordinator "process": a host with the real registrations of AddIncidentServices (its Orleans
/// silo included) on a store, with a fake clock for the coordinator's own time. Two harnesses on one
/// PostgreSQL database are two silos of one cluster. Orleans reads the same clock: moving it 30 s or
/// more while a grain call is in flight expires that call (its response timeout).
/// </summary>
internal sealed class IncidentHarness : IAsyncDisposable
{
    private readonly IHost _host;

    private IncidentHarness(IHost host, FakeTimeProvider time)
    {
        _host = host;
        Time = time;
    }

    public IServiceProvider Services => _host.Services;

    public FakeTimeProvider Time { get; }

    // Called through the generated client, in-process: the same statuses, deadlines and caller handling as over the wire.
    public CredIr.Contracts.V1.Incidents.IncidentsClient Service => Services.GetRequiredService<CredIr.Contracts.V1.Incidents.IncidentsClient>();

    public IGrainFactory Grains => Services.GetRequiredService<IGrainFactory>();

    public IIncidentStore Store => Services.GetRequiredService<IIncidentStore>();

    public IIncidentGrain Grain(string incidentId) => Grains.GetGrain<IIncidentGrain>(incidentId);

    public static async Task<IncidentHarness> StartAsync(
        string store,
        Action<IServiceCollection>? configure = null,
        IReadOnlyDictionary<string, string?>? settings = null,
        FakeTimeProvider? time = null)
    {
        var values = new Dictionary<string, string?>
        {
            [$"{IncidentsOptions.SectionName}:Store"] = store,
            // Several silos of one cluster may share this machine: each takes a free port.
            [$"{IncidentsOptions.SectionName}:Silo:SiloPort"] = "0",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[$"{IncidentsOptions.SectionName}:{key}"] = value;
        }

        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(values);
        var clock = time ?? new FakeTimeProvider();
        builder.Services.AddSingleton<TimeProvider>(clock);
        builder.AddIncidentServices();
        configure?.Invoke(builder.Services);
        var host = builder.Build();
        await host.StartAsync();
        return new IncidentHarness(host, clock);
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
    }
}

using CredIr.Incidents.Grains;
using CredIr.Incidents.Hosting;
using CredIr.Incidents.Service;
using CredIr.Incidents.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CredIr.Incidents.Tests.Infrastructure;

/// <summary>
/// One coordinator "process": the real registrations of AddIncidents on a store, with a fake
/// clock. Two harnesses on one database behave as two coordinator processes.
/// </summary>
internal sealed class IncidentHarness : IAsyncDisposable
{
    private IncidentHarness(ServiceProvider services, FakeTimeProvider time)
    {
        Services = services;
        Time = time;
    }

    public ServiceProvider Services { get; }

    public FakeTimeProvider Time { get; }

    // Called through the generated client, in-process: the same statuses, deadlines and caller handling as over the wire.
    public CredIr.Contracts.V1.Incidents.IncidentsClient Service => Services.GetRequiredService<CredIr.Contracts.V1.Incidents.IncidentsClient>();

    public IIncidentGrainFactory Grains => Services.GetRequiredService<IIncidentGrainFactory>();

    public IIncidentStore Store => Services.GetRequiredService<IIncidentStore>();

    public GrainRuntime<IncidentGrain> Runtime => Services.GetRequiredService<IncidentGrainDirectory>().Runtime;

    public static async Task<IncidentHarness> StartAsync(
        string store,
        Action<IServiceCollection>? configure = null,
        IReadOnlyDictionary<string, string?>? settings = null,
        FakeTimeProvider? time = null)
    {
        var values = new Dictionary<string, string?> { ["Store"] = store };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            values[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var clock = time ?? new FakeTimeProvider();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<TimeProvider>(clock);
        services.AddIncidents(configuration);
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider();
        _ = provider.GetRequiredService<IOptions<IncidentsOptions>>().Value;
        await provider.GetRequiredService<IIncidentStore>().MigrateAsync(CancellationToken.None);
        return new IncidentHarness(provider, clock);
    }

    public ValueTask DisposeAsync() => Services.DisposeAsync();
}

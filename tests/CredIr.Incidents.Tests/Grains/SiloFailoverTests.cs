using CredIr.Contracts.V1;
using CredIr.Incidents.Cluster;
using CredIr.Incidents.Evidence;
using CredIr.Incidents.Grains;
using CredIr.Incidents.Hosting;
using CredIr.Incidents.Tests.Infrastructure;
using CredIr.Incidents.Tests.Phases;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;

namespace CredIr.Incidents.Tests.Grains;

/// <summary>
/// A cluster of two silos (Orleans' TestingHost) on one store: the silo holding an incident dies, the
/// next call activates the incident on the other silo from the store, with nothing lost.
/// </summary>
public sealed class SiloFailoverTests : IAsyncLifetime, IDisposable
{
    private static readonly TempDirectory Folder = new();
    private TestCluster _cluster = null!;

    public async Task InitializeAsync()
    {
        var builder = new TestClusterBuilder(2);
        builder.Properties["Incidents:Store"] = "sqlite:" + Path.Combine(Folder.Path, $"{Guid.NewGuid():N}.db");
        builder.AddSiloBuilderConfigurator<IncidentSilo>();

        // The test calls grains from inside the silos, as the Incidents service does; no outside client.
        builder.Options.InitializeClientOnDeploy = false;
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    public void Dispose() => Folder.Dispose();

    [Fact]
    public async Task SiloHoldingTheIncidentDies_TheOtherSiloServesItWithEveryChangeAndAnIntactEvidenceChain()
    {
        var doomed = _cluster.SecondarySilos[0];
        var survivor = _cluster.Primary!;
        var onDoomed = Grains(doomed).GetGrain<IIncidentGrain>("inc-failover");
        await onDoomed.OpenAsync(TestIncidents.Open("open-failover"), "alice", CancellationToken.None);
        await onDoomed.AddNoteAsync(new AddNoteRequest { IncidentId = "inc-failover", RequestId = "note-1", Text = "before the crash" }, "alice", CancellationToken.None);

        await _cluster.KillSiloAsync(doomed);
        var onSurvivor = Grains(survivor).GetGrain<IIncidentGrain>("inc-failover");
        var after = await Eventually.Within(onSurvivor.AddNoteAsync(new AddNoteRequest { IncidentId = "inc-failover", RequestId = "note-2", Text = "after the crash" }, "bob", CancellationToken.None), "a note once the incident moved", seconds: 60);
        var verified = await Service<EvidenceLog>(survivor).VerifyAsync("inc-failover", CancellationToken.None);

        Assert.Equal(["before the crash", "after the crash"], after.Notes.Select(n => n.Text));
        Assert.Equal(3, after.Version);
        Assert.True(verified.Intact, verified.Message);
        Assert.Equal(3, verified.Entries);
    }

    private static IGrainFactory Grains(SiloHandle silo) => Service<IGrainFactory>(silo);

    private static T Service<T>(SiloHandle silo)
        where T : notnull => ((InProcessSiloHandle)silo).ServiceProvider.GetRequiredService<T>();

    /// <summary>A silo with the coordinator's own registrations and stand-in phase services.</summary>
    private sealed class IncidentSilo : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            var section = siloBuilder.Configuration.GetSection(IncidentsOptions.SectionName);
            siloBuilder.Services.AddIncidents(section);
            new PhaseStandIns(new FakeCloud()).Register(siloBuilder.Services);
            siloBuilder.AddIncidentGrains(section.Get<IncidentsOptions>() ?? new IncidentsOptions());
        }
    }
}

using Amazon.Runtime;
using CredIr.Aws;
using CredIr.Eradication.Trails;
using CredIr.Eradication.Trails.LookupEvents;
using CredIr.Incidents.Cluster;
using CredIr.Incidents.Hosting;
using CredIr.Incidents.Tests.Infrastructure;
using CredIr.Sandbox;
using CredIr.Sandbox.Scenarios.Generation;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Orleans.TestingHost;

namespace CredIr.Incidents.Tests.Grains;

/// <summary>
/// AWS allows 2 LookupEvents requests/s per account-region for every caller in the account. Two nodes of one cluster
/// scanning one organization at once (two incidents) share that budget through the account-region grains: the
/// sandbox, which enforces AWS's rate, throttles none of their calls, and each scan still reads every event.
/// </summary>
[Collection(ArrivalRateCollection.Name)]
public sealed class LookupBudgetClusterTests : IDisposable
{
    private const int EventsPerAccountRegion = 250;
    private readonly TempDirectory _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task TwoScans_OnTwoNodesOfOneCluster_SandboxThrottlesNoneAndBothReadEveryEvent()
    {
        await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions { Scenario = SyntheticOrganization.Create(members: 1, regions: ["us-east-1"]) }, CancellationToken.None);
        var until = sandbox.Clock.GetUtcNow().AddMinutes(-1);
        var window = TimeSpan.FromHours(1);
        var events = SyntheticHistory.Fill(sandbox, static (_, _) => EventsPerAccountRegion, until, window);
        var query = new TrailQuery { Since = until - window - TimeSpan.FromMinutes(1), Until = until, Regions = ["us-east-1"] };

        var builder = new TestClusterBuilder(2);
        builder.Properties["Incidents:Store"] = "sqlite:" + Path.Combine(_folder.Path, $"{Guid.NewGuid():N}.db");
        builder.Properties["Aws:EndpointUrl"] = sandbox.Endpoint.ToString();
        builder.Properties["Aws:Region"] = "us-east-1";
        builder.Properties["Aws:UseEnvironmentEndpoints"] = "false";
        builder.AddSiloBuilderConfigurator<ScanningSilo>();
        builder.Options.InitializeClientOnDeploy = false;
        await using var cluster = builder.Build();
        await cluster.DeployAsync();

        // Each node's AWS runtime as its host builds it (AddCredIrAws beside the coordinator's silo): two runtimes, two token buckets of their own.
        var scans = new[] { cluster.Primary!, cluster.SecondarySilos[0] }.Select((silo, i) => Task.Run(() => ScanAsync(sandbox, Runtime(silo), query, $"inc-{i}")));
        var read = await Eventually.Within(Task.WhenAll(scans), "two concurrent scans of 2 account-regions x 5 pages sharing 2 requests/s each", seconds: 60);

        Assert.Equal(0, sandbox.LookupEventsThrottled);
        Assert.Equal([events, events], read);
    }

    private static async Task<long> ScanAsync(SandboxHost sandbox, AwsRuntime runtime, TrailQuery query, string incidentId)
    {
        var management = sandbox.Accounts[0];
        using var sessions = new OrganizationSessions(runtime.CreateScope(new BasicAWSCredentials(management.AdminAccessKeyId, management.AdminSecretAccessKey), "us-east-1"), incidentId);
        var source = new LookupEventsTrailSource(sessions, new LookupEventsSourceOptions(), NullLogger<LookupEventsTrailSource>.Instance);
        long records = 0;
        await foreach (var item in source.QueryAsync(query, CancellationToken.None))
        {
            Assert.False(item is TrailGapItem { Gap.UnitFailed: true }, $"{incidentId}: {(item as TrailGapItem)?.Gap.Reason}");
            records += item is TrailRecordItem ? 1 : 0;
        }

        return records;
    }

    private static AwsRuntime Runtime(SiloHandle silo) => ((InProcessSiloHandle)silo).ServiceProvider.GetRequiredService<AwsRuntime>();

    /// <summary>A coordinator's silo with the AWS runtime its host registers beside it.</summary>
    private sealed class ScanningSilo : ISiloConfigurator
    {
        public void Configure(ISiloBuilder siloBuilder)
        {
            var section = siloBuilder.Configuration.GetSection(IncidentsOptions.SectionName);
            siloBuilder.Services.AddIncidents(section);
            siloBuilder.Services.AddCredIrAws(siloBuilder.Configuration);
            siloBuilder.AddIncidentGrains(section.Get<IncidentsOptions>() ?? new IncidentsOptions());
        }
    }
}

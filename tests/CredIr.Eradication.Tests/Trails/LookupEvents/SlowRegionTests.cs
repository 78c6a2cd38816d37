using CredIr.Aws;
using CredIr.Eradication.Trails;
using CredIr.Eradication.Trails.LookupEvents;
using CredIr.Sandbox;
using CredIr.Sandbox.Scenarios.Generation;
using Microsoft.Extensions.Logging.Abstractions;

namespace CredIr.Eradication.Tests.Trails.LookupEvents;

/// <summary>
/// A generated two-account organization whose eu-west-1 answers LookupEvents slowly and holds many pages: the
/// source splits that account-region's window into more chains than it started with, and every event is read
/// exactly once, also when the scan is interrupted and resumed from its checkpoints. The sandbox and the client
/// allow 10 requests/s here (AWS: 2) to keep the test short; the splitting does not depend on the rate.
/// </summary>
public sealed class SlowRegionTests : IAsyncLifetime
{
    private const double Rate = 10;
    private SandboxHost _sandbox = null!;
    private DateTimeOffset _until;

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        _sandbox = await SandboxHost.StartAsync(new SandboxOptions { Scenario = SyntheticOrganization.Create(1, ["us-east-1", "eu-west-1"]) }, timeout.Token);
        _sandbox.LookupEventsRateLimit = Rate;
        _until = _sandbox.Clock.GetUtcNow().AddMinutes(-1);
        SyntheticHistory.Fill(_sandbox, (_, region) => region == "eu-west-1" ? 1000 : 120, _until, TimeSpan.FromHours(6));
        _sandbox.Faults.Set("cloudtrail", new FaultOptions { RegionLatency = new Dictionary<string, TimeSpan> { ["eu-west-1"] = TimeSpan.FromMilliseconds(400) } });
    }

    public async Task DisposeAsync()
    {
        await _sandbox.DisposeAsync();
    }

    [Fact]
    public async Task SlowRegionWithManyPages_SplitIntoMoreChains_EveryEventReadOnce()
    {
        var (records, checkpoints) = await ReadAsync(Query(), stopAfterCheckpoints: int.MaxValue);

        Assert.Equal(Expected(), records.Order(StringComparer.Ordinal));
        var slowChains = checkpoints.Where(c => c.Region == "eu-west-1" && c.AccountId == _sandbox.Accounts[1].AccountId).Select(c => c.Unit).Distinct().Count();
        Assert.True(slowChains > 2, $"the slow account-region ran {slowChains} page chains, no more than the 2 it started with");
    }

    [Fact]
    public async Task InterruptedAfterSplits_ResumedFromCheckpoints_NoEventIsLost()
    {
        var (firstPart, checkpoints) = await ReadAsync(Query(), stopAfterCheckpoints: 30);
        var (rest, _) = await ReadAsync(Query() with { ResumeFrom = checkpoints }, stopAfterCheckpoints: int.MaxValue);

        Assert.Equal(Expected(), firstPart.Concat(rest).Distinct().Order(StringComparer.Ordinal));
    }

    private TrailQuery Query() => new() { Since = _until.AddHours(-7), Until = _until.AddMinutes(1) };

    private List<string> Expected() =>
        [.. _sandbox.Accounts.SelectMany(a => _sandbox.Trail.All(a.AccountId)).Where(e => e.Username == "workload").Select(e => e.EventId).Order(StringComparer.Ordinal)];

    private async Task<(List<string> Records, List<TrailCheckpoint> Checkpoints)> ReadAsync(TrailQuery query, int stopAfterCheckpoints)
    {
        using var client = new SandboxLookupClient(_sandbox, Rate, burst: 1);
        var source = client.Source(new LookupEventsSourceOptions { RequestsPerSecond = Rate });
        var records = new List<string>();
        var checkpoints = new List<TrailCheckpoint>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await foreach (var item in source.QueryAsync(query, timeout.Token))
        {
            if (item is TrailRecordItem { Record: var record } && record.UserIdentity.UserName == "workload")
            {
                records.Add(record.EventId);
            }
            else if (item is TrailCheckpointItem { Checkpoint: var checkpoint })
            {
                checkpoints.RemoveAll(c => c.Unit == checkpoint.Unit);
                checkpoints.Add(checkpoint);
                if (checkpoints.Count >= stopAfterCheckpoints)
                {
                    break;
                }
            }
        }

        return (records, checkpoints);
    }
}

using CredIr.Aws;
using CredIr.Eradication.Trails;
using CredIr.Eradication.Trails.LookupEvents;
using CredIr.Sandbox;
using CredIr.Sandbox.Scenarios.Generation;
using Microsoft.Extensions.Logging.Abstractions;

namespace CredIr.Eradication.Tests.Trails.LookupEvents;

/// <summary>
/// However an account-region's window is cut (first segments, then splits while calls are slow), every event
/// in it is read exactly once: none twice, none lost. The window starts and ends on the sandbox clock's
/// fractional seconds, as an incident's window does.
/// </summary>
public sealed class SegmentedWindowTests : IAsyncLifetime
{
    private SandboxHost _sandbox = null!;
    private DateTimeOffset _until;

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        _sandbox = await SandboxHost.StartAsync(new SandboxOptions { Scenario = SyntheticOrganization.Create(1, ["us-east-1", "eu-west-1"]) }, timeout.Token);
        _sandbox.LookupEventsRateLimit = null;
        _until = _sandbox.Clock.GetUtcNow().AddMinutes(-1);
        SyntheticHistory.Fill(_sandbox, (_, region) => region == "eu-west-1" ? 3000 : 137, _until, TimeSpan.FromHours(24));
    }

    public async Task DisposeAsync()
    {
        await _sandbox.DisposeAsync();
    }

    [Theory]
    [InlineData(1, 0, 1000, 0)]
    [InlineData(4, 0, 1000, 0)]
    [InlineData(2, 0, 10, 0)]
    [InlineData(3, 0, 10, 0)]
    [InlineData(4, 0, 10, 0)]
    [InlineData(7, 0, 10, 0)]
    [InlineData(4, 300, 10, 0)]
    [InlineData(2, 100, 20, 0.3)]
    public async Task WindowCutIntoSegments_EveryEventReadExactlyOnce(int segments, int latencyMs, double rate, double emptyPages)
    {
        // Empty pages with a NextToken are AWS's too: the chain must go on paging, neither stop nor spin.
        _sandbox.Faults.Set("cloudtrail", new FaultOptions { Latency = TimeSpan.FromMilliseconds(latencyMs), EmptyPageRate = emptyPages });

        var read = await ReadAsync(new LookupEventsSourceOptions { SegmentsPerUnit = segments, RequestsPerSecond = rate }, rate);

        var twice = read.GroupBy(id => id).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(twice.Count == 0, $"{twice.Count} events were read more than once, e.g. {string.Join(", ", twice.Take(3))}");
        Assert.Equal(Expected(), read.Order(StringComparer.Ordinal));
    }

    private List<string> Expected() =>
        [.. _sandbox.Accounts.SelectMany(a => _sandbox.Trail.All(a.AccountId)).Where(e => e.Username == "workload").Select(e => e.EventId).Order(StringComparer.Ordinal)];

    private async Task<List<string>> ReadAsync(LookupEventsSourceOptions options, double rate)
    {
        using var client = new SandboxLookupClient(_sandbox, rate, burst: 2);
        var source = client.Source(options);
        var records = new List<string>();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await foreach (var item in source.QueryAsync(new TrailQuery { Since = _until.AddHours(-24).AddMinutes(-1), Until = _until.AddMinutes(1) }, timeout.Token))
        {
            if (item is TrailRecordItem { Record: var record } && record.UserIdentity.UserName == "workload")
            {
                records.Add(record.EventId);
            }
        }

        return records;
    }
}

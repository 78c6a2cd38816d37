using Grpc.Core;
using CredIr.Contracts.Calls;
using CredIr.Contracts.V1;
using CredIr.Incidents.Tests.Infrastructure;
using CredIr.Sandbox;
using CredIr.Tests;

namespace CredIr.Incidents.Tests.Durability;

/// <summary>Two real <c>credir serve</c> processes on one PostgreSQL database, one killed mid-containment.</summary>
[Collection(PostgresCollection.Name)]
public sealed class TwoCoordinatorProcessTests(PostgresFixture postgres) : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _directory = new();
    private SandboxHost _sandbox = null!;
    private WebhookReceiver _webhook = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await CoordinatorEnvironment.StartSandboxAsync();
        _sandbox.LookupEventsRateLimit = null;
        _webhook = await WebhookReceiver.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _webhook.DisposeAsync();
        await _sandbox.DisposeAsync();
    }

    public void Dispose() => _directory.Dispose();

    [Fact]
    public async Task HolderKilledMidContainment_OtherProcessTakesOverAtOnce_AndItsWatchSawTheDeadOnesChanges()
    {
        var database = await postgres.CreateDatabaseAsync();
        var mark = CloudSideEffects.Mark(_sandbox);
        var crash = new CrashPoint("after:journal-intent", 2);
        await using var survivor = await CoordinatorProcess.StartAsync(_directory.Path, database, CoordinatorEnvironment.For(_sandbox, _webhook, _directory.Path));
        await using var doomed = await CoordinatorProcess.StartAsync(_directory.Path, database, CoordinatorEnvironment.For(_sandbox, _webhook, _directory.Path, crash));
        var open = new OpenIncidentRequest { RequestId = "two-processes", Input = new IdentificationInput { AccessKeyId = LeakedKey() }, AutoApprove = true };
        var opened = await doomed.Incidents.OpenIncidentAsync(open, KillNineTests.Context());
        using var stopWatching = new CancellationTokenSource();
        var seen = new WatchLog();
        var watching = WatchAsync(survivor, opened.IncidentId, seen, stopWatching.Token);

        var died = await KillNineTests.DriveAsync(doomed.Incidents, open);
        Assert.Null(died);
        Assert.Equal(137, await doomed.WaitForExitAsync(TimeSpan.FromSeconds(20)));
        Assert.Contains(crash.Line, doomed.Stderr, StringComparison.Ordinal);
        var left = await survivor.Incidents.GetIncidentAsync(new GetIncidentRequest { IncidentId = opened.IncidentId }, KillNineTests.Context());
        await Eventually.Within(seen.AtLeast(left.Version), $"version {left.Version}, written by the killed coordinator, on the survivor's watch", seconds: 15);

        var final = await KillNineTests.DriveAsync(survivor.Incidents, open);
        await Eventually.Within(seen.AtLeast(final!.Version), "the survivor's own last version on its watch", seconds: 15);
        await stopWatching.CancelAsync();
        await watching;

        Assert.Equal(Phase.Containing, left.Phase);
        Assert.True(final.Phase == Phase.Recovered, $"stopped in {final.Phase}: {final.WaitingFor} {final.LastError}");
        Assert.Contains(seen.Changes, c => c.Incident.Phase == Phase.Containing && c.Version <= left.Version);
        var changes = CloudSideEffects.Since(_sandbox, mark);
        var repeated = changes.Where(c => c.Error is null).GroupBy(c => (c.Name, c.AccountId, c.Parameters)).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(repeated.Count == 0, $"changed more than once: {string.Join(" | ", repeated)}");
    }

    internal static async Task WatchAsync(CoordinatorProcess coordinator, string incidentId, WatchLog seen, CancellationToken cancellationToken)
    {
        try
        {
            var context = new CallOptions(cancellationToken: cancellationToken);
            await foreach (var change in coordinator.Incidents.WatchIncident(new WatchIncidentRequest { IncidentId = incidentId }, context).Responses(cancellationToken))
            {
                seen.Add(change);
            }
        }
        catch (Exception exception) when (cancellationToken.IsCancellationRequested && exception is OperationCanceledException or RpcException { StatusCode: StatusCode.Cancelled or StatusCode.Unavailable })
        {
            // The test stopped watching. Grpc.Net.Client reports a cancel that lands while a read is in flight
            // as UNAVAILABLE ("The request was aborted"), not CANCELLED: the same end, seen from the stream.
        }
    }

    private string LeakedKey() => _sandbox.Scenario.GroundTruth!["leakedAccessKeyId"]!.GetValue<string>();
}

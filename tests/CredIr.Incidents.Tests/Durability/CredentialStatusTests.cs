using CredIr.Contracts.V1;
using CredIr.Incidents.Tests.Infrastructure;
using CredIr.Sandbox;

namespace CredIr.Incidents.Tests.Durability;

/// <summary>
/// What a responder sees of each credential after the real coordinator contained it against the
/// sandbox on SQLite: the status containment gave it, after a restart too, and in the change feed;
/// and a credential containment could not stop is not shown as stopped, with the reason.
/// </summary>
public sealed class CredentialStatusTests : IAsyncLifetime, IDisposable
{
    private const string LeakedKey = "AKIA4CIBOTLEAKEDKEY1";
    private const string DerivedKey = "AKIA6SVCMAINTPERSIS7";
    private const string ResponseRoleSession = "ASIA7MAINTPRODSESS01";
    private const string InstanceSession = "ASIA7INSTANCEROLE002";

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
    public async Task FullRun_AfterContainmentAndRestart_EachCredentialShowsWhatContainmentDidToIt()
    {
        var open = new OpenIncidentRequest { RequestId = "statuses", Input = new IdentificationInput { AccessKeyId = LeakedKey }, AutoApprove = true };
        var seen = new WatchLog();
        Incident final;
        await using (var first = await StartAsync())
        {
            var opened = await first.Incidents.OpenIncidentAsync(open, KillNineTests.Context());
            using var stopWatching = new CancellationTokenSource();
            var watching = TwoCoordinatorProcessTests.WatchAsync(first, opened.IncidentId, seen, stopWatching.Token);
            final = await KillNineTests.DriveAsync(first.Incidents, open) ?? throw new InvalidOperationException("the coordinator died: " + first.Stderr);
            await Eventually.Within(seen.AtLeast(final.Version), $"version {final.Version} on the watch", seconds: 15);
            await stopWatching.CancelAsync();
            await watching;
        }

        Incident restarted;
        await using (var second = await StartAsync())
        {
            restarted = await second.Incidents.GetIncidentAsync(new GetIncidentRequest { IncidentId = final.IncidentId }, KillNineTests.Context());
        }

        var statuses = string.Join(", ", restarted.Credentials.Select(c => $"{c.AccessKeyId}={c.Status}"));
        Assert.True(restarted.Phase == Phase.Recovered, $"stopped in {restarted.Phase}: {restarted.WaitingFor} {restarted.LastError}");
        Assert.True(Status(restarted, LeakedKey) == "Inactive", statuses);
        Assert.True(Status(restarted, DerivedKey) is "Inactive" or "Deleted", statuses);
        Assert.True(Status(restarted, InstanceSession) == "Revoked", statuses);

        // The response role's session: the guard rail refused to touch the role, so it still works.
        Assert.True(Status(restarted, ResponseRoleSession) is not ("Revoked" or "Inactive" or "Deleted"), statuses);
        Assert.Contains(restarted.Timeline, t => t.What.Contains("NOT contained", StringComparison.Ordinal) && t.What.Contains(ResponseRoleSession, StringComparison.Ordinal));

        // The feed showed the key Inactive while the incident was still containing it.
        Assert.Contains(seen.Changes, c => c.Incident.Phase == Phase.Containing && Status(c.Incident, LeakedKey) == "Inactive");
    }

    [Fact]
    public async Task LeakedUserProtected_GuardRailRefusesDeactivation_KeyStaysActiveAndIncidentSaysWhy()
    {
        var open = new OpenIncidentRequest { RequestId = "protected", Input = new IdentificationInput { AccessKeyId = LeakedKey }, AutoApprove = true };
        await using var coordinator = await StartAsync(new Dictionary<string, string>
        {
            ["Containment__ProtectedPrincipals__0__Pattern"] = "arn:aws:iam::111111111111:user/ci-bot",
            ["Containment__ProtectedPrincipals__0__Reason"] = "break-glass user of the build system",
        });

        var incident = await KillNineTests.DriveAsync(coordinator.Incidents, open) ?? throw new InvalidOperationException("the coordinator died: " + coordinator.Stderr);

        var statuses = string.Join(", ", incident.Credentials.Select(c => $"{c.AccessKeyId}={c.Status}"));
        Assert.True(Status(incident, LeakedKey) == "Active", statuses);
        var warning = incident.Timeline.FirstOrDefault(t => t.What.Contains("NOT contained", StringComparison.Ordinal))?.What ?? "";
        Assert.True(warning.Contains(LeakedKey, StringComparison.Ordinal) && warning.Contains("break-glass user of the build system", StringComparison.Ordinal),
            $"timeline: {string.Join(" | ", incident.Timeline.Select(t => t.What))}");
    }

    private static string? Status(Incident incident, string accessKeyId) =>
        incident.Credentials.FirstOrDefault(c => c.AccessKeyId == accessKeyId)?.Status;

    private Task<CoordinatorProcess> StartAsync(Dictionary<string, string>? extra = null)
    {
        var environment = CoordinatorEnvironment.For(_sandbox, _webhook, _directory.Path);
        foreach (var (key, value) in extra ?? [])
        {
            environment[key] = value;
        }

        return CoordinatorProcess.StartAsync(_directory.Path, "sqlite:" + Path.Combine(_directory.Path, "credir.db"), environment);
    }
}

using CredIr.Aws;
using CredIr.Contracts.V1;
using CredIr.Incidents.Tests.Infrastructure;
using CredIr.Sandbox;
using CredIr.Tests;

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
        Report report;
        await using (var second = await StartAsync())
        {
            restarted = await second.Incidents.GetIncidentAsync(new GetIncidentRequest { IncidentId = final.IncidentId }, KillNineTests.Context());
            report = await second.Incidents.GetReportAsync(new GetReportRequest { IncidentId = final.IncidentId, Format = ReportFormat.Markdown }, KillNineTests.Context());
        }

        var statuses = string.Join(", ", restarted.Credentials.Select(c => $"{c.AccessKeyId}={c.Status}"));
        Assert.True(restarted.Phase == Phase.Recovered, $"stopped in {restarted.Phase}: {restarted.WaitingFor} {restarted.LastError}");
        Assert.True(Status(restarted, LeakedKey) == "Inactive", statuses);
        Assert.True(Status(restarted, DerivedKey) is "Inactive" or "Deleted", statuses);
        Assert.True(Status(restarted, InstanceSession) == "Revoked", statuses);

        // The response role's session: the guard rail refused to touch the role, so it still works.
        Assert.True(Status(restarted, ResponseRoleSession) is not ("Revoked" or "Inactive" or "Deleted"), statuses);
        Assert.Contains(restarted.Timeline, t => t.What.Contains("NOT contained", StringComparison.Ordinal) && t.What.Contains(ResponseRoleSession, StringComparison.Ordinal));

        // The coordinator's own watch of CloudTrail after containment: nobody used the keys.
        Assert.Contains(restarted.Timeline, t => t.What.StartsWith("containment verification (", StringComparison.Ordinal) && t.What.Contains("CLEAN", StringComparison.Ordinal));
        Assert.Contains(restarted.Timeline, t => t.What.StartsWith("phase contained:", StringComparison.Ordinal) && t.What.Contains("verified Clean", StringComparison.Ordinal));
        Assert.Contains("containment verification (", report.Content, StringComparison.Ordinal);
        Assert.Contains("CLEAN (no use)", report.Content, StringComparison.Ordinal);

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

    [Fact]
    public async Task ProtectedKeyUsedDuringVerification_ContainmentDidNotHold_IncidentStaysContainingAndNamesTheKey()
    {
        var open = new OpenIncidentRequest { RequestId = "still-used", Input = new IdentificationInput { AccessKeyId = LeakedKey }, AutoApprove = true };
        await using var coordinator = await StartAsync(new Dictionary<string, string>
        {
            ["Containment__ProtectedPrincipals__0__Pattern"] = "arn:aws:iam::111111111111:user/ci-bot",
            ["Containment__ProtectedPrincipals__0__Reason"] = "break-glass user of the build system",
            ["Incidents__VerificationWindow"] = "00:00:10",
        });
        var opened = await coordinator.Incidents.OpenIncidentAsync(open, KillNineTests.Context());
        var seen = new WatchLog();
        using var stopWatching = new CancellationTokenSource();
        var watching = TwoCoordinatorProcessTests.WatchAsync(coordinator, opened.IncidentId, seen, stopWatching.Token);
        var verifying = seen.FirstMatching(c => c.Incident.Timeline.Any(t => t.What.StartsWith("containment verification: watching", StringComparison.Ordinal)));
        var advancing = coordinator.Incidents.AdvanceAsync(new AdvanceRequest { IncidentId = opened.IncidentId }, KillNineTests.Context());

        await Eventually.Within(verifying, "the coordinator starting its containment verification", seconds: 30);
        using var http = new HttpClient();
        using var aws = new AwsRuntime(http, new AwsClientOptions { EndpointUrl = _sandbox.Endpoint, Region = "us-east-1", UseEnvironmentEndpoints = false });
        var actor = _sandbox.Credentials("ci-bot");
        var scope = aws.CreateScope(AwsCredentialChain.FromKeys(actor.AccessKeyId, actor.SecretAccessKey), "us-east-1", "111111111111");
        await scope.Iam.GetUserAsync(new GetUserRequest("ci-bot"));
        var incident = await advancing;
        await stopWatching.CancelAsync();
        await watching;

        var uses = string.Join(" | ", _sandbox.Trail.All().Where(e => e.AccessKeyId == LeakedKey).TakeLast(3).Select(e => $"{e.EventTime:O} {e.EventName} {e.Region} {e.AccountId}"));
        Assert.True(incident.Phase == Phase.Containing, $"{incident.Phase}: {incident.WaitingFor} {incident.LastError}; uses: {uses}; timeline: {string.Join(" | ", incident.Timeline.Select(t => $"{t.At} {t.What}"))}");
        Assert.Null(incident.ContainedAt);
        Assert.Contains("containment did not hold", incident.WaitingFor, StringComparison.Ordinal);
        Assert.Contains(LeakedKey, incident.WaitingFor, StringComparison.Ordinal);
        Assert.Contains(incident.Timeline, t => t.What.Contains("STILL ACTIVE", StringComparison.Ordinal) && t.What.Contains("GetUser", StringComparison.Ordinal));
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

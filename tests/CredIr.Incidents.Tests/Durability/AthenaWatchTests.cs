using CredIr.Aws;
using CredIr.Contracts.V1;
using CredIr.Incidents.Tests.Infrastructure;
using CredIr.Sandbox;
using CredIr.Tests;
using Grpc.Core;

namespace CredIr.Incidents.Tests.Durability;

/// <summary>
/// The real coordinator against the sandbox, its incident reading the organization trail through a named Athena
/// target: the leaked key, set Inactive, still works (IAM takes time to apply a change; the sandbox keeps it working
/// for an hour here), and the actor reads an S3 object with it. GetObject is a data event LookupEvents never shows:
/// only the Athena query of the containment verification, or of a check of the post-containment watch, sees it.
/// </summary>
public sealed class AthenaWatchTests : IAsyncLifetime, IDisposable
{
    private const string LeakedKey = "AKIA4CIBOTLEAKEDKEY1";
    private readonly TempDirectory _directory = new();
    private SandboxHost _sandbox = null!;
    private WebhookReceiver _webhook = null!;
    private AwsRuntime _aws = null!;
    private SandboxCredentials _actor = null!;
    private readonly HttpClient _http = new();

    public async Task InitializeAsync()
    {
        _sandbox = await CoordinatorEnvironment.StartSandboxAsync();
        _sandbox.LookupEventsRateLimit = null;
        _sandbox.IamPropagationDelay = TimeSpan.FromHours(1);
        // Taken while the key is active: the sandbox hands out only active keys.
        _actor = _sandbox.Credentials("ci-bot");
        _webhook = await WebhookReceiver.StartAsync();
        _aws = new AwsRuntime(_http, new AwsClientOptions { EndpointUrl = _sandbox.Endpoint, Region = "us-east-1", UseEnvironmentEndpoints = false, MaxAttempts = 1 });
    }

    public async Task DisposeAsync()
    {
        _aws.Dispose();
        await _webhook.DisposeAsync();
        await _sandbox.DisposeAsync();
    }

    public void Dispose()
    {
        _http.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public async Task ContainedKeyReadsAnObjectDuringVerification_OnlyAthenaSeesIt_VerificationSaysStillActiveNamingTheKey()
    {
        await using var coordinator = await StartAsync(new Dictionary<string, string> { ["Incidents__VerificationWindow"] = "00:00:10" });
        var open = Open("athena-verification");
        var opened = await coordinator.Incidents.OpenIncidentAsync(open, KillNineTests.Context());
        var seen = new WatchLog();
        using var stopWatching = new CancellationTokenSource();
        var watching = TwoCoordinatorProcessTests.WatchAsync(coordinator, opened.IncidentId, seen, stopWatching.Token);
        var verifying = seen.FirstMatching(static c => c.Incident.Timeline.Any(static t => t.What.StartsWith("containment verification: watching", StringComparison.Ordinal)));
        // With auto-approve the same advance escalates containment and goes on: it answers once the incident is recovered.
        var advancing = coordinator.Incidents.AdvanceAsync(new AdvanceRequest { IncidentId = opened.IncidentId }, new CallOptions(deadline: DateTime.UtcNow.AddMinutes(5)));

        await Eventually.Within(verifying, "the coordinator starting its containment verification", seconds: 60);
        await ReadBillingReportAsync();
        var final = await advancing;
        await Eventually.Within(seen.AtLeast(final.Version), $"version {final.Version} on the watch", seconds: 30);
        await stopWatching.CancelAsync();
        await watching;

        var story = $"{final.Phase}: {final.WaitingFor} {final.LastError}; timeline: {string.Join(" | ", final.Timeline.Select(static t => t.What))}";
        var verified = seen.Changes.FirstOrDefault(static c => c.Incident.Verification?.Verdict == VerificationVerdict.StillActive)?.Incident;
        Assert.True(verified is not null, "no verification said STILL ACTIVE: " + story);
        Assert.Equal([LeakedKey], verified.Verification.UsedKeys);
        Assert.Null(verified.ContainedAt);
        Assert.Contains(verified.Timeline, static t => t.What.Contains("STILL ACTIVE", StringComparison.Ordinal)
            && t.What.Contains($"{LeakedKey} s3.amazonaws.com GetObject", StringComparison.Ordinal)
            && t.What.EndsWith("Data events (such as S3 GetObject) were watched through Athena over the organization trail.", StringComparison.Ordinal));

        // The playbook's Part 2 step 2: the key's user gets deny-all, for the reason Athena gave, not the "no use" LookupEvents saw.
        Assert.True(final.ContainmentOptions is { DenyAll: true, LockTrustPolicy: true }, story);
        Assert.Contains(LeakedKey, final.EscalationReason, StringComparison.Ordinal);
        Assert.Contains("s3.amazonaws.com GetObject", final.EscalationReason, StringComparison.Ordinal);
        Assert.DoesNotContain("No use", final.EscalationReason, StringComparison.Ordinal);
        Assert.DoesNotContain("were not watched", final.EscalationReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ContainedKeyReadsAnObjectDuringTheWatch_OnlyAthenaSeesIt_WatchRaisesTheIncidentBackNamingTheKey()
    {
        // Orleans' shortest reminder period: the watch's first check comes a minute after containment.
        await using var coordinator = await StartAsync(new Dictionary<string, string>
        {
            ["Incidents__PostContainmentWatch"] = "00:01:00",
            ["Incidents__PostContainmentCheckInterval"] = "00:01:00",
        });
        var open = Open("athena-watch");
        var opened = await coordinator.Incidents.OpenIncidentAsync(open, KillNineTests.Context());
        var seen = new WatchLog();
        using var stopWatching = new CancellationTokenSource();
        var watching = TwoCoordinatorProcessTests.WatchAsync(coordinator, opened.IncidentId, seen, stopWatching.Token);
        var firstCheck = seen.FirstMatching(static c => c.Incident.PostContainmentWatch is { Checks: > 0 });

        var contained = await coordinator.Incidents.AdvanceAsync(new AdvanceRequest { IncidentId = opened.IncidentId }, new CallOptions(deadline: DateTime.UtcNow.AddMinutes(5)));
        var story = $"{contained.Phase}: {contained.WaitingFor} {contained.LastError}; timeline: {string.Join(" | ", contained.Timeline.Select(static t => t.What))}";
        Assert.True(contained.PostContainmentWatch?.State == PostContainmentWatchState.Watching, story);
        Assert.True(contained.Verification.Verdict == VerificationVerdict.Clean, story);
        await ReadBillingReportAsync();

        await Eventually.Within(firstCheck, "the post-containment watch's first check", seconds: 180);
        await stopWatching.CancelAsync();
        await watching;
        var incident = seen.Changes[^1].Incident;

        story = $"{incident.Phase}: {incident.WaitingFor} {incident.LastError}; timeline: {string.Join(" | ", incident.Timeline.Select(static t => t.What))}";
        Assert.True(incident.PostContainmentWatch.State == PostContainmentWatchState.UseFound, story);
        Assert.Equal([LeakedKey], incident.PostContainmentWatch.UsedKeys);
        // Recovered already (auto-approve): it cannot go back to containing, and waits for a responder instead.
        Assert.Equal(VerificationVerdict.StillActive, incident.Verification.Verdict);
        Assert.Contains($"{LeakedKey} s3.amazonaws.com GetObject", incident.LastError, StringComparison.Ordinal);
        Assert.StartsWith($"a responder: containment did not hold, {LeakedKey} made calls that succeeded after containment", incident.WaitingFor, StringComparison.Ordinal);
        Assert.Equal(Phase.Recovered, incident.Phase);
        Assert.Contains("cannot contain again: stop the keys by hand", incident.WaitingFor, StringComparison.Ordinal);
    }

    private static OpenIncidentRequest Open(string requestId) => new()
    {
        RequestId = requestId,
        Input = new IdentificationInput { AccessKeyId = LeakedKey },
        AutoApprove = true,
        TrailSource = TrailSourceKind.Athena,
        AthenaTarget = "org",
    };

    /// <summary>The actor, with the leaked key, reads the management account's billing report: an S3 data event.</summary>
    private async Task ReadBillingReportAsync()
    {
        var scope = _aws.CreateScope(AwsCredentialChain.FromKeys(_actor.AccessKeyId, _actor.SecretAccessKey), "us-east-1", "111111111111");
        Assert.Equal(LeakedKey, _actor.AccessKeyId);
        await scope.S3.GetObjectAsync(new GetObjectRequest("acme-mgmt-billing", "reports/2026-10.csv"));
    }

    private Task<CoordinatorProcess> StartAsync(Dictionary<string, string> extra)
    {
        var environment = CoordinatorEnvironment.For(_sandbox, _webhook, _directory.Path);
        // The operator's named Athena target over the sandbox's organization trail; query results go to a bucket of the management account.
        environment["Eradication__Athena__Targets__org__OutputLocation"] = "s3://acme-mgmt-billing/athena-results/";
        environment["Eradication__Athena__Targets__org__TrailLocation"] = $"s3://org-trail/AWSLogs/{_sandbox.OrganizationId}/";
        environment["Eradication__Athena__Targets__org__CreateTable"] = "true";
        foreach (var (key, value) in extra)
        {
            environment[key] = value;
        }

        return CoordinatorProcess.StartAsync(_directory.Path, "sqlite:" + Path.Combine(_directory.Path, "credir.db"), environment);
    }
}

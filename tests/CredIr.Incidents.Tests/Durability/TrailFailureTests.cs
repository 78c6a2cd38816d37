using CredIr.Aws;
using CredIr.Contracts.V1;
using CredIr.Incidents.Tests.Infrastructure;
using CredIr.Sandbox;
using CredIr.Tests;
using Xunit.Abstractions;

namespace CredIr.Incidents.Tests.Durability;

/// <summary>
/// CloudTrail denied, throttled or failing (a responder without cloudtrail:LookupEvents, an account in trouble):
/// the real coordinator against the single-account sandbox still sets the leaked key Inactive, records the gap, and
/// revises the compromise time once CloudTrail answers again.
/// </summary>
public sealed class TrailFailureTests(ITestOutputHelper output) : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _directory = new();
    private SandboxHost _sandbox = null!;
    private WebhookReceiver _webhook = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxHost.StartAsync(
            new SandboxOptions { Port = 0, ScenarioPath = Path.Combine(AppContext.BaseDirectory, "scenarios", "single-account-key-leak.json") }, CancellationToken.None);
        _sandbox.LookupEventsRateLimit = null;
        _webhook = await WebhookReceiver.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _webhook.DisposeAsync();
        await _sandbox.DisposeAsync();
    }

    public void Dispose() => _directory.Dispose();

    [Theory]
    [InlineData("denied", "AccessDeniedException")]
    [InlineData("throttled", "ThrottlingException")]
    [InlineData("failing", "InternalFailure")]
    public async Task LookupEventsFailing_KeyEndsInactiveAndTheGapIsRecorded_EstimateRevisedWhenCloudTrailAnswers(string fault, string errorCode)
    {
        _sandbox.Faults.Set("cloudtrail", fault switch
        {
            "denied" => new FaultOptions { AccessDeniedRate = 1 },
            "throttled" => new FaultOptions { ThrottleRate = 1 },
            _ => new FaultOptions { ServerErrorRate = 1 },
        });
        var key = _sandbox.Scenario.GroundTruth!["leakedAccessKeyId"]!.GetValue<string>();
        var account = _sandbox.Accounts[0].AccountId;
        // One region keeps the retries of the failing trail (and so the test) short; the scenario acts only there.
        var open = new OpenIncidentRequest
        {
            RequestId = "trail-" + fault,
            Input = new IdentificationInput { AccessKeyId = key },
            AutoApprove = true,
            Scope = new Scope { Regions = { "us-east-1" } },
        };
        var environment = CoordinatorEnvironment.For(_sandbox, _webhook, _directory.Path);

        // The fault answers every call: AWS's retries with backoff would only make the test wait for the same answer.
        environment["Aws__MaxAttempts"] = "2";
        environment["Aws__BaseDelay"] = "00:00:00.010";
        environment["Aws__MaxDelay"] = "00:00:00.050";
        await using var coordinator = await CoordinatorProcess.StartAsync(_directory.Path, "sqlite:" + Path.Combine(_directory.Path, "credir.db"), environment);

        // Only containment is under test: the scan after it would retry the failing trail on every advance.
        var incident = await KillNineTests.DriveAsync(coordinator.Incidents, open, until: i => i.ContainedAt is not null) ?? throw new InvalidOperationException("the coordinator died: " + coordinator.Stderr);

        var story = $"{incident.Phase}: {incident.WaitingFor} {incident.LastError}; timeline: {string.Join(" | ", incident.Timeline.Select(t => $"{t.At.ToDateTimeOffset():HH:mm:ss.fff} {t.What}"))}";
        Assert.True(incident.ContainedAt is not null, story);
        Assert.Equal("Inactive", incident.Credentials.Single(c => c.AccessKeyId == key).Status);
        Assert.Equal("Inactive", await KeyStatusInTheCloudAsync(key));
        var gap = Assert.Single(incident.IdentificationGaps);
        Assert.Equal((account, "us-east-1", errorCode), (gap.AccountId, gap.Region, gap.ErrorCode));
        output.WriteLine(story);
        Assert.Contains(incident.Timeline, t => t.What.Contains("containment goes ahead on the resolved key", StringComparison.Ordinal));

        _sandbox.Faults.Clear("cloudtrail");
        var again = await coordinator.Incidents.AdvanceAsync(new AdvanceRequest { IncidentId = incident.IncidentId }, KillNineTests.Context());

        Assert.Empty(again.IdentificationGaps);
        Assert.Contains(again.Timeline, t => t.What.StartsWith("CloudTrail answered: compromise time", StringComparison.Ordinal));
    }

    private async Task<string?> KeyStatusInTheCloudAsync(string key)
    {
        using var http = new HttpClient();
        using var aws = new AwsRuntime(http, new AwsClientOptions { EndpointUrl = _sandbox.Endpoint, Region = "us-east-1", UseEnvironmentEndpoints = false });
        var admin = _sandbox.Accounts[0];
        var iam = aws.CreateScope(AwsCredentialChain.FromKeys(admin.AdminAccessKeyId, admin.AdminSecretAccessKey), "us-east-1", admin.AccountId).Iam;
        var owner = (await iam.GetAccessKeyLastUsedAsync(new GetAccessKeyLastUsedRequest(key))).UserName;
        await foreach (var k in iam.ListAccessKeysAsync(new ListAccessKeysRequest(owner)))
        {
            if (k.AccessKeyId == key)
            {
                return k.Status.ToString();
            }
        }

        return null;
    }
}

using CredIr.Contracts.V1;
using CredIr.Incidents.Tests.Infrastructure;
using CredIr.Sandbox;
using CredIr.Tests;

namespace CredIr.Incidents.Tests.Durability;

/// <summary>
/// The coordinator in one <c>credir serve</c> process, the phase services in another, over HTTP/2: each call carries
/// a service token for its phase and each execution a coordinator-signed approval, both checked by the phase process.
/// </summary>
public sealed class SplitDeploymentTests : IAsyncLifetime, IDisposable
{
    private static readonly string SealKey = Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes("split-deployment-tests-approval-key-0"));
    private readonly System.Security.Cryptography.ECDsa _coordinatorKey = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
    private static readonly string ServiceKey = Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes("split-deployment-tests-service-key-00"));
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

    public void Dispose()
    {
        _coordinatorKey.Dispose();
        _directory.Dispose();
    }

    [Fact]
    public async Task PhasesInAnotherProcess_SameKeys_RunThePlaybookToRecovered()
    {
        var mark = CloudSideEffects.Mark(_sandbox);
        await using var phases = await StartPhasesAsync(PublicKey(_coordinatorKey));
        await using var coordinator = await StartCoordinatorAsync(phases);

        var final = await KillNineTests.DriveAsync(coordinator.Incidents, Open("split-same-keys"));

        Assert.True(final is { Phase: Phase.Recovered }, $"stopped in {final?.Phase}: {final?.WaitingFor} {final?.LastError}; phases: {phases.Stderr}");
        Assert.Contains(CloudSideEffects.Since(_sandbox, mark), c => c is { Name: "UpdateAccessKey", Error: null } && c.Parameters.Contains(LeakedKey(), StringComparison.Ordinal));
    }

    [Fact]
    public async Task PhasesTrustingAnotherCoordinator_RefuseItsApprovals_AndTheKeyIsNotTouched()
    {
        var mark = CloudSideEffects.Mark(_sandbox);
        using var anotherCoordinator = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        await using var phases = await StartPhasesAsync(PublicKey(anotherCoordinator));
        await using var coordinator = await StartCoordinatorAsync(phases);

        var final = await KillNineTests.DriveAsync(coordinator.Incidents, Open("split-other-key"));

        Assert.NotNull(final);
        Assert.Equal(Phase.Containing, final.Phase);
        Assert.Contains("PermissionDenied", final.LastError, StringComparison.Ordinal);
        Assert.DoesNotContain(CloudSideEffects.Since(_sandbox, mark), c => c.Name == "UpdateAccessKey");
    }

    private OpenIncidentRequest Open(string requestId) => new()
    {
        RequestId = requestId,
        Input = new IdentificationInput { AccessKeyId = LeakedKey() },
        AutoApprove = true,
    };

    // The phases hold their seal key and the public half of the coordinator's signing key: they can check approvals, never make one.
    private Task<CoordinatorProcess> StartPhasesAsync(string coordinatorPublicKey)
    {
        var environment = CoordinatorEnvironment.For(_sandbox, _webhook, _directory.Path);
        environment["Approvals__Key"] = SealKey;
        environment["Approvals__PublicKey"] = coordinatorPublicKey;
        environment["ServiceIdentity__Key"] = ServiceKey;
        return CoordinatorProcess.StartAsync(_directory.Path, "sqlite:" + Path.Combine(_directory.Path, "phases.db"), environment, "--services", "identification,containment,eradication,recovery");
    }

    private Task<CoordinatorProcess> StartCoordinatorAsync(CoordinatorProcess phases)
    {
        var environment = CoordinatorEnvironment.For(_sandbox, _webhook, _directory.Path);
        environment["Approvals__SigningKey"] = Convert.ToBase64String(_coordinatorKey.ExportPkcs8PrivateKey());
        environment["ServiceIdentity__Key"] = ServiceKey;
        foreach (var phase in new[] { "Identification", "Containment", "Eradication", "Recovery" })
        {
            environment[$"Services__{phase}__Address"] = phases.Address.ToString();
        }

        return CoordinatorProcess.StartAsync(_directory.Path, "sqlite:" + Path.Combine(_directory.Path, "coordinator.db"), environment, "--services", "incidents");
    }

    private static string PublicKey(System.Security.Cryptography.ECDsa key) => Convert.ToBase64String(key.ExportSubjectPublicKeyInfo());

    private string LeakedKey() => _sandbox.Scenario.GroundTruth!["leakedAccessKeyId"]!.GetValue<string>();
}

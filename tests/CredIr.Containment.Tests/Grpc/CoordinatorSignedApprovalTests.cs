using CredIr.Tests;
using System.Security.Cryptography;
using CredIr.Aws;
using CredIr.Containment.Tests.Support;
using CredIr.Contracts.Calls;
using CredIr.Contracts.V1;
using CredIr.Hosting.Approvals;
using CredIr.Sandbox;
using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CredIr.Containment.Tests.Grpc;

/// <summary>
/// The containment service hosted alone over HTTP/2, given the coordinator's public key only (Approvals:PublicKey):
/// it executes a plan on a token the coordinator signed with its ECDSA P-256 private key; a token signed with any
/// other key, its own included, is PERMISSION_DENIED and the leaked key stays active; a token used before a restart
/// is refused after it (its used ids are kept under Approvals:DataFolder).
/// </summary>
public sealed class CoordinatorSignedApprovalTests : IAsyncLifetime, IDisposable
{
    private const string LeakedKey = "AKIA4CIDEPLOYLEAKED5";
    private static readonly string SealKey = Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes("containment-tests-plan-seal-key-0000"));
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("credir-approvals-");
    private readonly ECDsa _coordinatorKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
    private SandboxHost _sandbox = null!;
    private GrpcHost _host = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxHost.StartAsync(new SandboxOptions { Port = 0, ScenarioPath = Path.Combine(AppContext.BaseDirectory, "scenarios", "single-account-key-leak.json") }, CancellationToken.None);
        _host = await StartHostAsync();
    }

    [Fact]
    public async Task Execute_WithTheCoordinatorsSignature_OnAServiceHoldingOnlyThePublicKey_DeactivatesTheKey()
    {
        var plan = await PlanAsync();

        var steps = await ExecuteAsync(plan, await IssueAsync(_coordinatorKey, plan));

        Assert.Contains(steps, s => s.Status == StepStatus.Succeeded);
        Assert.Equal(AccessKeyStatus.Inactive, await KeyStatusAsync());
    }

    [Fact]
    public async Task Execute_WithATokenSignedWithAnotherKey_IsPermissionDenied_AndTheKeyStaysActive()
    {
        var plan = await PlanAsync();
        using var otherKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var e = await Assert.ThrowsAsync<RpcException>(async () => await ExecuteAsync(plan, await IssueAsync(otherKey, plan)));

        Assert.Equal(StatusCode.PermissionDenied, e.StatusCode);
        Assert.Contains("was not issued by the incident coordinator this service trusts", e.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(AccessKeyStatus.Active, await KeyStatusAsync());
    }

    [Fact]
    public async Task Execute_WithATokenTheServiceMintedItself_IsPermissionDenied_AndTheKeyStaysActive()
    {
        var plan = await PlanAsync();

        // What a compromised phase service could do with its own issuer: it holds no coordinator private key to use.
        var minted = await _host.Services.GetRequiredService<ApprovalIssuer>().IssueAsync("inc-signed", Approval(plan), ApprovalMethods.ExecuteContainment, PlanContent.Digest(plan), CancellationToken.None);
        var e = await Assert.ThrowsAsync<RpcException>(async () => await ExecuteAsync(plan, minted));

        Assert.Equal(StatusCode.PermissionDenied, e.StatusCode);
        Assert.Equal(AccessKeyStatus.Active, await KeyStatusAsync());
    }

    [Fact]
    public async Task Execute_ReplayingAUsedTokenAfterARestart_IsRefused_AndChangesNothing()
    {
        var plan = await PlanAsync();
        var token = await IssueAsync(_coordinatorKey, plan);
        await ExecuteAsync(plan, token);
        Assert.Equal(AccessKeyStatus.Inactive, await KeyStatusAsync());
        // The owner turns the key back on; a replayed token must not turn it off again.
        await IamAsync(static (iam, ct) => iam.UpdateAccessKeyAsync(new UpdateAccessKeyRequest(LeakedKey, AccessKeyStatus.Active, "ci-deployer"), ct));
        await _host.DisposeAsync();
        _host = await StartHostAsync();

        var e = await Assert.ThrowsAsync<RpcException>(async () => await ExecuteAsync(plan, token));

        Assert.Equal(StatusCode.FailedPrecondition, e.StatusCode);
        Assert.Contains("was already used", e.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(AccessKeyStatus.Active, await KeyStatusAsync());
        Assert.True(File.Exists(Path.Combine(_data.FullName, SqliteApprovalStore.FileName)));
    }

    [Fact]
    public async Task Start_WithAPublicKeyThatIsNotTheSigningKeysHalf_FailsNamingBothSettings()
    {
        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        var e = await Assert.ThrowsAsync<OptionsValidationException>(() => GrpcHost.StartAsync(_sandbox, new Dictionary<string, string?>
        {
            ["Approvals:SigningKey"] = Convert.ToBase64String(other.ExportPkcs8PrivateKey()),
            ["Approvals:PublicKey"] = Convert.ToBase64String(_coordinatorKey.ExportSubjectPublicKeyInfo()),
            ["Approvals:DataFolder"] = _data.FullName,
        }));

        Assert.Contains("Approvals:PublicKey is not the public half of Approvals:SigningKey", e.Message, StringComparison.Ordinal);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _sandbox.DisposeAsync();
    }

    public void Dispose()
    {
        _coordinatorKey.Dispose();
        _data.Delete(recursive: true);
    }

    private Task<GrpcHost> StartHostAsync() => GrpcHost.StartAsync(_sandbox, new Dictionary<string, string?>
    {
        ["Approvals:Key"] = SealKey,
        ["Approvals:PublicKey"] = Convert.ToBase64String(_coordinatorKey.ExportSubjectPublicKeyInfo()),
        ["Approvals:DataFolder"] = _data.FullName,
    });

    private async Task<Plan> PlanAsync() =>
        await _host.Client.PlanContainmentAsync(new PlanContainmentRequest { IncidentId = "inc-signed", Credentials = { Cred.Key(LeakedKey) } }, Harness.Context());

    private Task<List<PlanStep>> ExecuteAsync(Plan plan, ApprovalToken token) =>
        Collect.AllAsync(_host.Client.ExecuteContainment(new ExecutePlanRequest { IncidentId = "inc-signed", Plan = plan, Approval = token }, Harness.Context()).Responses());

    // The coordinator's issuer, as credir serve runs it with Approvals:SigningKey.
    private static Task<ApprovalToken> IssueAsync(ECDsa signingKey, Plan plan)
    {
        var options = Options.Create(new ApprovalOptions { SigningKey = Convert.ToBase64String(signingKey.ExportPkcs8PrivateKey()) });
        var issuer = new ApprovalIssuer(new ApprovalKeys(options, new MemoryApprovalStore(TimeProvider.System)), options, TimeProvider.System);
        return issuer.IssueAsync("inc-signed", Approval(plan), ApprovalMethods.ExecuteContainment, PlanContent.Digest(plan), CancellationToken.None);
    }

    private static Approval Approval(Plan plan) => new() { ApprovalId = "appr-" + plan.PlanId, PlanId = plan.PlanId, DecidedBy = "approver@example.com" };

    private async Task<AccessKeyStatus> KeyStatusAsync()
    {
        var keys = await IamAsync(static (iam, ct) => Collect.AllAsync(iam.ListAccessKeysAsync(new ListAccessKeysRequest("ci-deployer"), ct)));
        return Assert.Single(keys, k => k.AccessKeyId == LeakedKey).Status;
    }

    private async Task<T> IamAsync<T>(Func<IamClient, CancellationToken, Task<T>> call)
    {
        var admin = _sandbox.Accounts[0].AdminCredentials;
        using var http = new HttpClient();
        using var runtime = new AwsRuntime(http, new AwsClientOptions { EndpointUrl = _sandbox.Endpoint, Region = "us-east-1", UseEnvironmentEndpoints = false });
        return await call(runtime.CreateScope(AwsCredentialChain.FromKeys(admin.AccessKeyId, admin.SecretAccessKey)).Iam, CancellationToken.None);
    }
}

using CredIr.Contracts.Calls;
using Amazon.Runtime;
using CredIr.Aws;
using CredIr.Contracts.V1;
using CredIr.Hosting.Approvals;
using Grpc.Core;
using CredIr.Recovery.Cmdb;
using CredIr.Sandbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CredIr.Recovery.Tests.Support;

/// <summary>
/// A fresh multi-account-org sandbox on loopback and the Recovery service wired by AddRecoveryServices against it
/// (management admin as the responder, member accounts through OrganizationAccountAccessRole), with a CMDB file of
/// its own. One per test, because tests change the cloud.
/// </summary>
internal sealed class RecoveryHarness : IAsyncDisposable
{
    private readonly HttpClient _http = new();
    private readonly IHost _host;

    private RecoveryHarness(SandboxHost sandbox, string directory)
    {
        Sandbox = sandbox;
        Directory = directory;
        CmdbPath = Path.Combine(directory, "cmdb.json");
        File.WriteAllText(CmdbPath, "{}");
        Runtime = new AwsRuntime(_http, new AwsClientOptions
        {
            EndpointUrl = sandbox.Endpoint,
            Region = "us-east-1",
            UseEnvironmentEndpoints = false,
            BaseDelay = TimeSpan.FromMilliseconds(5),
            MaxDelay = TimeSpan.FromMilliseconds(50),
        }, sandbox.Clock);
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Configuration.AddInMemoryCollection(Configuration);
        builder.Services.AddSingleton<TimeProvider>(sandbox.Clock);
        builder.Services.AddSingleton(Admin());
        builder.AddRecoveryServices();
        _host = builder.Build();
    }

    public SandboxHost Sandbox { get; }

    public string Directory { get; }

    public string CmdbPath { get; }

    public AwsRuntime Runtime { get; }

    /// <summary>The recovery settings, and the deployment's approval key: a second host given them verifies the same tokens.</summary>
    public IDictionary<string, string?> Configuration
    {
        get
        {
            var settings = new Dictionary<string, string?>
            {
                ["Recovery:CmdbPath"] = CmdbPath,
                ["Approvals:Key"] = Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes("credir-recovery-tests-approval-key-32")),
            };
            if (Sandbox.Huawei is { } huawei)
            {
                // The Huawei account beside the organization: acme-admin's AK/SK, the sandbox's IAM and CTS.
                var admin = huawei.Credentials("acme-admin");
                settings["HuaweiCloud:IamEndpoint"] = huawei.IamEndpoint.ToString();
                settings["HuaweiCloud:CtsEndpoint"] = huawei.CtsEndpoint;
                settings["HuaweiCloud:AccessKeyId"] = admin.AccessKeyId;
                settings["HuaweiCloud:SecretAccessKey"] = admin.SecretAccessKey;
            }

            return settings;
        }
    }

    public CredIr.Contracts.V1.Recovery.RecoveryClient Service => _host.Services.GetRequiredService<CredIr.Contracts.V1.Recovery.RecoveryClient>();

    public ICmdbUpdater Updater => _host.Services.GetRequiredService<ICmdbUpdater>();

    /// <param name="huawei">Also serve the huawei-ak-leak account, and configure the service for it.</param>
    public static async Task<RecoveryHarness> StartAsync(bool huawei = false)
    {
        var sandbox = await SandboxHost.StartAsync(new SandboxOptions
        {
            Port = 0,
            ScenarioPath = Path.Combine(RepoRoot.Folder, "sandbox", "scenarios", "multi-account-org.json"),
            HuaweiScenarioPath = huawei ? Path.Combine(RepoRoot.Folder, "sandbox", "scenarios", "huawei-ak-leak.json") : null,
        }, CancellationToken.None);
        var directory = Path.Combine(Path.GetTempPath(), "credir-recovery-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        return new RecoveryHarness(sandbox, directory);
    }

    /// <summary>The administrator of an account (the management account by default).</summary>
    public AwsScope Admin(string accountId = Org.Management, string region = "us-east-1")
    {
        var account = Sandbox.Accounts.Single(a => a.AccountId == accountId);
        return Runtime.CreateScope(new BasicAWSCredentials(account.AdminAccessKeyId, account.AdminSecretAccessKey), region, accountId);
    }

    /// <summary>The actor: the leaked key of ci-bot (AdministratorAccess in the management account).</summary>
    public AwsScope Attacker(string region = "us-east-1")
    {
        var key = Sandbox.Credentials("ci-bot");
        return Runtime.CreateScope(AwsCredentialChain.FromKeys(key.AccessKeyId, key.SecretAccessKey, key.SessionToken), region, Org.Management);
    }

    public void WriteCmdb(string json) => File.WriteAllText(CmdbPath, json);

    /// <summary>The actor's calls as the eradication scan hands them on: every record (data events too) made with its keys.</summary>
    public IReadOnlyList<TrailEvent> ActorEvents(params string[] keys) =>
        [.. Sandbox.Trail.All()
            .Where(e => e.AccessKeyId is not null && (keys.Length == 0 ? Org.ActorKeys : keys).Contains(e.AccessKeyId))
            .Select(e => new TrailEvent
            {
                EventId = e.EventId,
                EventName = e.EventName,
                EventSource = e.EventSource,
                AccessKeyId = e.AccessKeyId,
                AccountId = e.AccountId,
                Region = e.Region,
                ReadOnly = e.ReadOnly,
                RawJson = e.Json,
            })];

    public Task<PlanRecoveryResponse> PlanAsync(IReadOnlyList<TrailEvent> events, IDictionary<string, RecoveryStrategy>? overrides = null)
    {
        var request = new PlanRecoveryRequest { IncidentId = "inc-7" };
        request.Events.Add(events);
        if (overrides is not null)
        {
            request.StrategyOverrides.Add(overrides);
        }

        return Service.PlanRecoveryAsync(request, new CallOptions(cancellationToken: CancellationToken.None)).ResponseAsync;
    }

    public async Task<List<RecoveryItem>> ExecuteAsync(IEnumerable<RecoveryItem> items, string requestId = "req-1")
    {
        var request = await ApprovedAsync(items, requestId);
        var progress = new List<RecoveryItem>();
        await foreach (var item in Service.ExecuteRecovery(request, new CallOptions(cancellationToken: CancellationToken.None)).Responses())
        {
            progress.Add(item);
        }

        return progress;
    }

    /// <summary>The request as the coordinator makes it: a fresh token for exactly these items of incident inc-7.</summary>
    public async Task<ExecuteRecoveryRequest> ApprovedAsync(IEnumerable<RecoveryItem> items, string requestId)
    {
        var request = new ExecuteRecoveryRequest { RequestId = requestId, IncidentId = "inc-7" };
        request.Items.Add(items);
        request.Approval = await _host.Services.GetRequiredService<ApprovalIssuer>().IssueAsync(
            "inc-7",
            new Approval { ApprovalId = "appr-1", PlanId = "recovery|inc-7", DecidedBy = "approver@example.com" },
            ApprovalMethods.ExecuteRecovery,
            PlanContent.Digest(request.Items),
            CancellationToken.None);
        return request;
    }

    public async ValueTask DisposeAsync()
    {
        _host.Dispose();
        Runtime.Dispose();
        _http.Dispose();
        await Sandbox.DisposeAsync();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}

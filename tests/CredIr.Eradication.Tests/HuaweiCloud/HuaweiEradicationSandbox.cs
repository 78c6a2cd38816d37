using CredIr.Contracts.V1;
using CredIr.Eradication.HuaweiCloud;
using CredIr.Eradication.Scanning;
using CredIr.Hosting.Approvals;
using CredIr.HuaweiCloud;
using CredIr.HuaweiCloud.Cts;
using CredIr.HuaweiCloud.Hosting;
using CredIr.HuaweiCloud.Iam;
using CredIr.Playbook.Classification;
using CredIr.Playbook.Extraction;
using CredIr.Sandbox;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace CredIr.Eradication.Tests.HuaweiCloud;

/// <summary>
/// The sandbox serving the huawei-ak-leak account, the scan and Huawei eradication signed as acme-admin over real
/// HTTP on the sandbox's clock, and the approval machinery a host registers (AddCredIrApprovals).
/// </summary>
internal sealed class HuaweiEradicationSandbox : IAsyncDisposable
{
    public const string LeakedAk = "HPUACIDEPLOYLEAKED01";
    public const string PersistenceAk = "HPUABACKUPPERSIST001";

    // One pool for every test, as a service holds one.
    private static readonly HttpClient Http = new();

    private readonly ServiceProvider _approvals;

    private HuaweiEradicationSandbox(SandboxHost sandbox, HuaweiCloudAccess access, ServiceProvider approvals)
    {
        Sandbox = sandbox;
        Access = access;
        _approvals = approvals;
        var classifier = new EventClassifier();
        var extractor = new RecordExtractor();
        Scan = new ScanHandler(TestSources.Factory(), classifier, extractor, sandbox.Clock, new HuaweiScan(access, classifier, extractor, sandbox.Clock));
        Eradication = new HuaweiEradication(access, approvals.GetRequiredService<ApprovalGate>(), sandbox.Clock, NullLogger<HuaweiEradication>.Instance);
    }

    public SandboxHost Sandbox { get; }

    public HuaweiCloudAccess Access { get; }

    public ScanHandler Scan { get; }

    public HuaweiEradication Eradication { get; }

    public static async Task<HuaweiEradicationSandbox> StartAsync()
    {
        var sandbox = await SandboxHost.StartAsync(new SandboxOptions { Port = 0, HuaweiScenarioPath = Path.Combine(RepoRoot.Folder, "sandbox", "scenarios", "huawei-ak-leak.json") }, CancellationToken.None);
        var huawei = sandbox.Huawei!;
        var responder = huawei.Credentials("acme-admin");
        var options = new HuaweiCloudOptions { IamEndpoint = huawei.IamEndpoint, CtsEndpoint = huawei.CtsEndpoint, Credentials = new HuaweiCredentials(responder.AccessKeyId, responder.SecretAccessKey) };
        var access = new HuaweiCloudAccess(new HuaweiIamClient(Http, options, sandbox.Clock), new HuaweiCtsClient(Http, options, sandbox.Clock), responder.AccessKeyId);
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().Build());
        services.AddSingleton<TimeProvider>(sandbox.Clock);
        services.AddCredIrApprovals();
        return new HuaweiEradicationSandbox(sandbox, access, services.BuildServiceProvider());
    }

    public ScanRequest Request(TimeSpan since) => new()
    {
        IncidentId = "inc-hw",
        Credentials = { new Credential { AccessKeyId = LeakedAk, Kind = Contracts.V1.CredentialKind.AccessKey, Provider = CloudProvider.HuaweiCloud } },
        Since = Timestamp.FromDateTimeOffset(Sandbox.Clock.GetUtcNow() - since),
    };

    public async Task<List<ScanUpdate>> ScanAsync(ScanRequest request)
    {
        var updates = new List<ScanUpdate>();
        await foreach (var update in Scan.ScanAsync(request, CancellationToken.None))
        {
            updates.Add(update);
        }

        return updates;
    }

    /// <summary>A plan as PlanEradication answers it: made by Huawei eradication, sealed by the service.</summary>
    public async Task<Plan> PlanAsync(PlanEradicationRequest request)
    {
        var plan = await Eradication.PlanAsync(request, CancellationToken.None);
        await _approvals.GetRequiredService<PlanSeals>().SealAsync(ApprovalMethods.Eradication, plan, CancellationToken.None);
        return plan;
    }

    /// <summary>A token as the coordinator issues it, for this plan as it stands.</summary>
    public Task<ApprovalToken> ApproveAsync(Plan plan) =>
        _approvals.GetRequiredService<ApprovalIssuer>().IssueAsync("inc-hw",
            new Approval { ApprovalId = "appr-" + plan.PlanId, PlanId = plan.PlanId, DecidedBy = "approver@example.com" },
            ApprovalMethods.ExecuteEradication, PlanContent.Digest(plan), CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        await _approvals.DisposeAsync();
        await Sandbox.DisposeAsync();
    }
}

using CredIr.Tests;
using CredIr.Hosting.Approvals;
using CredIr.Hosting.InProcess;
using CredIr.Contracts.Calls;
using System.Text.Json;
using Amazon.Runtime;
using CredIr.Aws;
using CredIr.Contracts.V1;
using CredIr.Eradication.Cloud;
using CredIr.Eradication.Execution;
using CredIr.Eradication.Planning;
using CredIr.Eradication.Scanning;
using Grpc.Core;
using CredIr.Playbook.Classification;
using CredIr.Playbook.Extraction;
using CredIr.Sandbox;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CredIr.Eradication.Tests.Execution;

/// <summary>
/// A shipped scenario in the sandbox, reached over real HTTP with the management account's admin key, and the
/// Eradication service wired over it as a host would: scan (the sandbox's exported log files), plan, execute.
/// </summary>
internal sealed class EradicationSandbox : IAsyncDisposable
{
    private readonly HttpClient _http = new();
    private readonly TempFolder _trail = new();
    private readonly ApprovalIssuer _issuer;

    /// <summary>The deployment's seal key in these tests; a host started beside the sandbox is given the same (Approvals:Key).</summary>
    public static readonly string ApprovalKey = Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes("credir-eradication-tests-approval-key"));

    /// <summary>The coordinator's signing key in these tests (base64 PKCS#8, ECDSA P-256): the tokens the tests issue are signed with it.</summary>
    public static readonly string SigningKey = NewSigningKey();

    /// <summary>Its public half, what a host started beside the sandbox verifies tokens with (Approvals:PublicKey).</summary>
    public static string PublicKey
    {
        get
        {
            using var key = System.Security.Cryptography.ECDsa.Create();
            key.ImportPkcs8PrivateKey(Convert.FromBase64String(SigningKey), out _);
            return Convert.ToBase64String(key.ExportSubjectPublicKeyInfo());
        }
    }

    private EradicationSandbox(SandboxHost sandbox, string? cmdbPath)
    {
        Sandbox = sandbox;
        Runtime = new AwsRuntime(_http, new AwsClientOptions
        {
            EndpointUrl = sandbox.Endpoint,
            Region = "us-east-1",
            UseEnvironmentEndpoints = false,
            BaseDelay = TimeSpan.FromMilliseconds(20),
            MaxDelay = TimeSpan.FromMilliseconds(200),
        });
        Admin = As(sandbox.Accounts[0].AdminCredentials);
        Cloud = new EradicationCloud(Admin, new OrganizationSessionOptions());
        var keys = new ApprovalKeys(Options.Create(new ApprovalOptions { Key = ApprovalKey, SigningKey = SigningKey }), new MemoryApprovalStore(TimeProvider.System));
        _issuer = new ApprovalIssuer(keys, Options.Create(new ApprovalOptions()), TimeProvider.System);
        var seals = new PlanSeals(keys);
        // Constructed directly, called through the generated client in-process (as the coordinator calls it).
        var sources = TestSources.Factory();
        Service = new Contracts.V1.Eradication.EradicationClient(InProcessCallInvoker.Create<Contracts.V1.Eradication.EradicationBase>(new EradicationService(
            new ScanHandler(sources, new EventClassifier(), new RecordExtractor(), TimeProvider.System),
            new PlanHandler(new AwsResourceStateReaderFactory(Cloud), new RecordExtractor(), new BlastRadiusFinder(Options.Create(new EradicationOptions { CmdbPath = cmdbPath })), TimeProvider.System),
            new EradicationExecutor(Cloud, new ApprovalGate(keys, seals, new MemoryApprovalStore(TimeProvider.System), TimeProvider.System), TimeProvider.System, NullLogger<EradicationExecutor>.Instance),
            seals,
            sources), Contracts.V1.Eradication.BindService));
    }

    public const string Incident = "inc-erad";

    private static string NewSigningKey()
    {
        using var key = System.Security.Cryptography.ECDsa.Create(System.Security.Cryptography.ECCurve.NamedCurves.nistP256);
        return Convert.ToBase64String(key.ExportPkcs8PrivateKey());
    }

    public SandboxHost Sandbox { get; }

    public AwsRuntime Runtime { get; }

    /// <summary>The management account's admin: the responder.</summary>
    public AwsScope Admin { get; }

    public EradicationCloud Cloud { get; }

    public Contracts.V1.Eradication.EradicationClient Service { get; }

    public JsonElement GroundTruth => JsonDocument.Parse(Sandbox.Scenario.GroundTruth!.ToJsonString()).RootElement;

    public string LeakedKey => GroundTruth.GetProperty("leakedAccessKeyId").GetString()!;

    public static async Task<EradicationSandbox> StartAsync(string scenario, string? cmdbPath = null)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var path = RepoRoot.Combine("sandbox", "scenarios", scenario + ".json");
        return new EradicationSandbox(await SandboxHost.StartAsync(new SandboxOptions { Port = 0, ScenarioPath = path }, timeout.Token), cmdbPath);
    }

    public AwsScope As(SandboxCredentials credentials, string region = "us-east-1") => Runtime.CreateScope(
        credentials.SessionToken is null
            ? new BasicAWSCredentials(credentials.AccessKeyId, credentials.SecretAccessKey)
            : new SessionAWSCredentials(credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken),
        region);

    /// <summary>The admin's clients in any account of the organization (the response role in member accounts).</summary>
    public async Task<AwsScope> AdminInAsync(string accountId, string? region = null)
    {
        using var cloud = Cloud.Open("test-readback", null);
        return await cloud.ScopeAsync(accountId, region, CancellationToken.None);
    }

    /// <summary>Every event the scan attributes to the leaked key and what derives from it, from the trail as exported now.</summary>
    public async Task<List<TrailEvent>> ScanAsync(TimeSpan lookBack)
    {
        var folder = Path.Combine(_trail.Path, Guid.NewGuid().ToString("N"));
        await Sandbox.ExportTrailAsync(folder, CancellationToken.None);
        var events = new List<TrailEvent>();
        await foreach (var update in Service.Scan(
            new ScanRequest
            {
                IncidentId = "inc-erad",
                Credentials = { new Credential { AccessKeyId = LeakedKey } },
                Since = Timestamp.FromDateTimeOffset(Sandbox.Clock.GetUtcNow() - lookBack),
                Source = Contracts.V1.TrailSourceKind.LogFiles,
                LogLocation = folder,
            },
            new CallOptions(cancellationToken: CancellationToken.None)).Responses())
        {
            if (update.UpdateCase == ScanUpdate.UpdateOneofCase.Event)
            {
                events.Add(update.Event);
            }
        }

        return events;
    }

    public Task<Plan> PlanAsync(IEnumerable<TrailEvent> events, bool allowEmptyingBuckets = false) =>
        Service.PlanEradicationAsync(
            new PlanEradicationRequest { IncidentId = "inc-erad", Events = { events }, AllowEmptyingBuckets = allowEmptyingBuckets },
            new CallOptions(cancellationToken: CancellationToken.None)).ResponseAsync;

    /// <summary>The request as the coordinator makes it: a fresh token issued for this plan, incident and method.</summary>
    public async Task<ExecutePlanRequest> ApprovedAsync(Plan plan, params string[] stepIds) => new()
    {
        RequestId = "req-" + plan.PlanId,
        IncidentId = Incident,
        Plan = plan,
        Approval = await _issuer.IssueAsync(
            Incident,
            new Approval { ApprovalId = plan.PlanId + "-approval", PlanId = plan.PlanId, DecidedBy = "approver@example.com" },
            ApprovalMethods.ExecuteEradication,
            PlanContent.Digest(plan),
            CancellationToken.None),
        StepIds = { stepIds },
    };

    public async Task<List<PlanStep>> ExecuteAsync(ExecutePlanRequest request)
    {
        var results = new List<PlanStep>();
        await foreach (var step in Service.ExecuteEradication(request, new CallOptions(cancellationToken: CancellationToken.None)).Responses())
        {
            results.Add(step);
        }

        return results;
    }

    /// <summary>Every resource of the organization as the admin reads it back through the AWS clients.</summary>
    public Task<CloudSnapshot> SnapshotAsync() => CloudSnapshot.TakeAsync(this);

    /// <summary>The write calls (not read-only) recorded after a point in the trail, by anyone.</summary>
    public IReadOnlyList<RecordedEvent> WritesSince(int eventCount) =>
        Sandbox.Trail.All().Skip(eventCount).Where(static e => !e.ReadOnly && e.EventName is not ("AssumeRole" or "GetCallerIdentity")).ToList();

    public async ValueTask DisposeAsync()
    {
        Runtime.Dispose();
        _http.Dispose();
        _trail.Dispose();
        await Sandbox.DisposeAsync();
    }
}

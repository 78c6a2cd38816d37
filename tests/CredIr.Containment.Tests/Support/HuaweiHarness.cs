using CredIr.Aws;
using CredIr.Containment.Cloud;
using CredIr.Contracts.Calls;
using CredIr.Contracts.V1;
using CredIr.HuaweiCloud;
using CredIr.HuaweiCloud.Iam;
using CredIr.Sandbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CredIr.Containment.Tests.Support;

/// <summary>
/// The sandbox serving the huawei-ak-leak account on a manual clock, and the containment service wired as a host wires
/// it (AddContainmentServices with a HuaweiCloud section: acme-admin's AK/SK and the sandbox's IAM and CTS endpoints).
/// </summary>
internal sealed class HuaweiHarness : IAsyncDisposable
{
    public const string LeakedAk = "HPUACIDEPLOYLEAKED01";

    // One pool for the attacker's and the administrator's own clients, as in production.
    private static readonly HttpClient Http = new();

    private readonly ServiceProvider _provider;
    private readonly AwsRuntime _runtime;

    private HuaweiHarness(SandboxHost sandbox, ManualClock clock, ServiceProvider provider, AwsRuntime runtime)
    {
        _runtime = runtime;
        Sandbox = sandbox;
        Clock = clock;
        _provider = provider;
        Service = provider.GetRequiredService<CredIr.Contracts.V1.Containment.ContainmentClient>();
    }

    public SandboxHost Sandbox { get; }

    public ManualClock Clock { get; }

    public CredIr.Contracts.V1.Containment.ContainmentClient Service { get; }

    public static async Task<HuaweiHarness> StartAsync()
    {
        var now = TimeProvider.System.GetUtcNow();
        var clock = new ManualClock(new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var sandbox = await SandboxHost.StartAsync(new SandboxOptions
        {
            Port = 0,
            HuaweiScenarioPath = Path.Combine(AppContext.BaseDirectory, "scenarios", "huawei-ak-leak.json"),
            TimeProvider = clock,
        }, timeout.Token);
        var huawei = sandbox.Huawei!;
        var admin = huawei.Credentials("acme-admin");
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["HuaweiCloud:IamEndpoint"] = huawei.IamEndpoint.ToString(),
            ["HuaweiCloud:CtsEndpoint"] = huawei.CtsEndpoint,
            ["HuaweiCloud:AccessKeyId"] = admin.AccessKeyId,
            ["HuaweiCloud:SecretAccessKey"] = admin.SecretAccessKey,
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging(static b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<TimeProvider>(clock);
        // The service acts on both clouds; its AWS side (unused here) is the sandbox's one-account organization.
        var aws = sandbox.Accounts[0].AdminCredentials;
        var runtime = new AwsRuntime(Http, new AwsClientOptions { EndpointUrl = sandbox.Endpoint, Region = "us-east-1", UseEnvironmentEndpoints = false }, new ClockReading(clock));
        services.AddSingleton(runtime);
        services.AddSingleton(new ResponderCredentials(AwsCredentialChain.FromKeys(aws.AccessKeyId, aws.SecretAccessKey, aws.SessionToken)));
        services.AddContainmentServices(configuration);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        return new HuaweiHarness(sandbox, clock, provider, runtime);
    }

    /// <summary>IAM signed as a user of the scenario (the attacker is ci-deployer).</summary>
    public HuaweiIamClient Iam(string user)
    {
        var credentials = Sandbox.Huawei!.Credentials(user);
        return new HuaweiIamClient(Http, new HuaweiCloudOptions
        {
            IamEndpoint = Sandbox.Huawei.IamEndpoint,
            CtsEndpoint = Sandbox.Huawei.CtsEndpoint,
            Credentials = new HuaweiCredentials(credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken),
        }, Clock);
    }

    public static Credential Key(string accessKeyId) => new() { AccessKeyId = accessKeyId, Kind = CredentialKind.AccessKey, Provider = CloudProvider.HuaweiCloud };

    public Task<Plan> PlanAsync(ContainmentOptions? options, params Credential[] credentials)
    {
        var request = new PlanContainmentRequest { IncidentId = "inc-hw", Options = options ?? new ContainmentOptions() };
        request.Credentials.AddRange(credentials);
        return Service.PlanContainmentAsync(request, Harness.Context()).ResponseAsync;
    }

    public async Task<List<PlanStep>> ExecuteAsync(Plan plan) =>
        await Collect.AllAsync(Service.ExecuteContainment(new ExecutePlanRequest { IncidentId = "inc-hw", Plan = plan, Approval = await Harness.Approve(_provider, plan, "inc-hw") }, Harness.Context()).Responses());

    public async Task<List<PlanStep>> RollbackAsync(Plan plan, IEnumerable<PlanStep> executed)
    {
        var executedPlan = plan.Clone();
        executedPlan.Steps.Clear();
        executedPlan.Steps.AddRange(executed);
        var approval = await Harness.Approve(_provider, plan, "inc-hw", CredIr.Hosting.Approvals.ApprovalMethods.RollbackContainment);
        return await Collect.AllAsync(Service.RollbackContainment(new RollbackRequest { IncidentId = "inc-hw", ExecutedPlan = executedPlan, Approval = approval }, Harness.Context()).Responses());
    }

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        _runtime.Dispose();
        await Sandbox.DisposeAsync();
    }
}

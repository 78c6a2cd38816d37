using CredIr.Contracts.Calls;
using CredIr.Aws;
using CredIr.Containment.Cloud;
using CredIr.Contracts.V1;
using CredIr.Hosting.Approvals;
using Grpc.Core;
using CredIr.Sandbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CredIr.Containment.Tests.Support;

/// <summary>
/// A sandbox running a scenario on a manual clock, and the containment service wired the way a host
/// wires it (AddContainmentServices), acting with the responder's credentials over real HTTP.
/// </summary>
internal sealed class Harness : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly HttpClient _http;

    private Harness(SandboxHost sandbox, ManualClock clock, ServiceProvider provider, HttpClient http, AwsRuntime runtime)
    {
        Sandbox = sandbox;
        Clock = clock;
        _provider = provider;
        _http = http;
        Runtime = runtime;
        Service = provider.GetRequiredService<CredIr.Contracts.V1.Containment.ContainmentClient>();
    }

    public SandboxHost Sandbox { get; }

    public ManualClock Clock { get; }

    public AwsRuntime Runtime { get; }

    public CredIr.Contracts.V1.Containment.ContainmentClient Service { get; }

    public static async Task<Harness> StartAsync(string scenario, Func<SandboxHost, SandboxCredentials>? responder = null,
        IDictionary<string, string?>? settings = null)
    {
        var now = TimeProvider.System.GetUtcNow();
        var clock = new ManualClock(new DateTimeOffset(now.UtcTicks - (now.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero));
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var sandbox = await SandboxHost.StartAsync(new SandboxOptions
        {
            Port = 0,
            ScenarioPath = Path.Combine(AppContext.BaseDirectory, "scenarios", scenario + ".json"),
            TimeProvider = clock,
        }, timeout.Token);
        var http = new HttpClient();
        var runtime = new AwsRuntime(http, new AwsClientOptions
        {
            EndpointUrl = sandbox.Endpoint,
            Region = "us-east-1",
            UseEnvironmentEndpoints = false,
            BaseDelay = TimeSpan.FromMilliseconds(5),
            MaxDelay = TimeSpan.FromMilliseconds(50),
            MaxAttempts = 3,
        }, new ClockReading(clock));
        var credentials = (responder ?? (static s => s.Accounts[0].AdminCredentials))(sandbox);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection();
        services.AddLogging(static b => b.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton(runtime);
        services.AddSingleton(new ResponderCredentials(AwsCredentialChain.FromKeys(credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken)));
        services.AddContainmentServices(configuration);
        var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        return new Harness(sandbox, clock, provider, http, runtime);
    }

    /// <summary>Clients signed with the given credentials (the attacker's, a legitimate user's).</summary>
    public AwsScope As(SandboxCredentials credentials, string region = "us-east-1") =>
        Runtime.CreateScope(AwsCredentialChain.FromKeys(credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken), region);

    public AwsScope As(AwsTemporaryCredentials credentials, string region = "us-east-1") => Runtime.CreateScope(credentials.ToAwsCredentials(), region);

    public AwsScope Admin(int account = 0) => As(Sandbox.Accounts[account].AdminCredentials);

    public Task<Plan> PlanAsync(string incidentId, ContainmentOptions? options, params Credential[] credentials)
    {
        var request = new PlanContainmentRequest { IncidentId = incidentId, Options = options ?? new ContainmentOptions() };
        request.Credentials.AddRange(credentials);
        return Service.PlanContainmentAsync(request, Context()).ResponseAsync;
    }

    public async Task<List<PlanStep>> ExecuteAsync(Plan plan, string incidentId = "inc-1") =>
        await Collect.AllAsync(Service.ExecuteContainment(new ExecutePlanRequest { IncidentId = incidentId, Plan = plan, Approval = await ApproveAsync(plan, incidentId) }, Context()).Responses());

    public async Task<List<PlanStep>> RollbackAsync(Plan plan, IEnumerable<PlanStep> executed)
    {
        var executedPlan = plan.Clone();
        executedPlan.Steps.Clear();
        executedPlan.Steps.AddRange(executed);
        var approval = await ApproveAsync(plan, "inc-1", ApprovalMethods.RollbackContainment);
        return await Collect.AllAsync(Service.RollbackContainment(new RollbackRequest { IncidentId = "inc-1", ExecutedPlan = executedPlan, Approval = approval }, Context()).Responses());
    }

    /// <summary>A token as the coordinator in this process issues it, for this plan as it stands.</summary>
    public Task<ApprovalToken> ApproveAsync(Plan plan, string incidentId = "inc-1", string? method = null) =>
        Approve(_provider, plan, incidentId, method);

    public static Task<ApprovalToken> Approve(IServiceProvider services, Plan plan, string incidentId = "inc-1", string? method = null) =>
        services.GetRequiredService<ApprovalIssuer>().IssueAsync(
            incidentId,
            new Approval { ApprovalId = "appr-" + plan.PlanId, PlanId = plan.PlanId, DecidedBy = "approver@example.com" },
            method ?? ApprovalMethods.ExecuteContainment,
            PlanContent.Digest(plan),
            CancellationToken.None);

    public static CallOptions Context() => new CallOptions(cancellationToken: new CancellationTokenSource(TimeSpan.FromSeconds(120)).Token);

    public async ValueTask DisposeAsync()
    {
        await _provider.DisposeAsync();
        Runtime.Dispose();
        _http.Dispose();
        await Sandbox.DisposeAsync();
    }
}

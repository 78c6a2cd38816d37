using CredIr.Aws;
using CredIr.Containment;
using CredIr.Containment.Cloud;
using CredIr.Hosting;
using CredIr.Sandbox;

namespace CredIr.Gateway.Tests.Support;

/// <summary>
/// The real Containment service on its own Kestrel host (h2c on loopback), acting on a sandbox that runs
/// the single-account-key-leak scenario with its admin's credentials, as a deployment behind the gateway.
/// </summary>
internal sealed class ContainmentBackend : IAsyncDisposable
{
    public const string LeakedKey = "AKIA4CIDEPLOYLEAKED5";
    public const string LeakedKeyUser = "ci-deployer";

    private readonly WebApplication _app;
    private readonly HttpClient _http = new();

    private ContainmentBackend(SandboxHost sandbox, WebApplication app)
    {
        Sandbox = sandbox;
        _app = app;
        Aws = new AwsRuntime(_http, new AwsClientOptions { EndpointUrl = sandbox.Endpoint, Region = "us-east-1", UseEnvironmentEndpoints = false });
    }

    public SandboxHost Sandbox { get; }

    public AwsRuntime Aws { get; }

    public string Address => _app.Urls.First();

    public static async Task<ContainmentBackend> StartAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var sandbox = await SandboxHost.StartAsync(new SandboxOptions
        {
            Port = 0,
            ScenarioPath = Path.Combine(AppContext.BaseDirectory, "scenarios", "single-account-key-leak.json"),
        }, timeout.Token);
        var admin = sandbox.Accounts[0].AdminCredentials;
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Grpc:CallerKey"] = IncidentsBackend.CallerKey,
            ["Aws:EndpointUrl"] = sandbox.Endpoint.ToString(),
            ["Aws:Region"] = "us-east-1",
            ["Aws:UseEnvironmentEndpoints"] = "false",
        });
        builder.AddCredIrGrpcHost();
        builder.Services.AddSingleton(new ResponderCredentials(AwsCredentialChain.FromKeys(admin.AccessKeyId, admin.SecretAccessKey)));
        builder.AddContainmentServices();
        var app = builder.Build();
        app.MapGrpcService<CredIr.Contracts.V1.Containment.ContainmentBase>();
        app.MapGrpcInfrastructure();
        await app.StartAsync();
        return new ContainmentBackend(sandbox, app);
    }

    /// <summary>The leaked key's status as the account's administrator reads it from IAM.</summary>
    public async Task<AccessKeyStatus> LeakedKeyStatusAsync()
    {
        var admin = Sandbox.Accounts[0].AdminCredentials;
        var iam = Aws.CreateScope(AwsCredentialChain.FromKeys(admin.AccessKeyId, admin.SecretAccessKey), "us-east-1").Iam;
        await foreach (var key in iam.ListAccessKeysAsync(new ListAccessKeysRequest(LeakedKeyUser)))
        {
            if (key.AccessKeyId == LeakedKey)
            {
                return key.Status;
            }
        }

        throw new InvalidOperationException($"{LeakedKey} is not among {LeakedKeyUser}'s keys.");
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        Aws.Dispose();
        _http.Dispose();
        await Sandbox.DisposeAsync();
    }
}

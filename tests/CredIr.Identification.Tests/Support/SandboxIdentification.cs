using CredIr.Hosting.InProcess;
using Amazon.Runtime;
using CredIr.Aws;
using CredIr.Identification.Cmdb;
using CredIr.Identification.Inputs;
using CredIr.Identification.Notifications;
using CredIr.Identification.Resolution;
using CredIr.Sandbox;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CredIr.Identification.Tests.Support;

/// <summary>
/// The sandbox running a scenario (single-account-key-leak by default), and the Identification service wired to it over real HTTP with the
/// management account's administrator key, on the sandbox's clock.
/// </summary>
public sealed class SandboxIdentification : IAsyncLifetime
{
    private readonly string _scenarioFile;

    public SandboxIdentification()
        : this("single-account-key-leak.json")
    {
    }

    internal SandboxIdentification(string scenarioFile)
    {
        _scenarioFile = scenarioFile;
    }

    private readonly string _outboxPath = Path.Combine(Path.GetTempPath(), $"ident-outbox-{Guid.NewGuid():N}.db");
    private readonly Stack<IDisposable> _owned = new();

    public SandboxHost Sandbox { get; private set; } = null!;

    public Contracts.V1.Identification.IdentificationClient Service { get; private set; } = null!;

    public AwsScope Admin { get; private set; } = null!;

    public string AccountId => Sandbox.Accounts[0].AccountId;

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var scenario = Path.Combine(RepoRoot.Folder, "sandbox", "scenarios", _scenarioFile);
        Sandbox = await SandboxHost.StartAsync(new SandboxOptions { Port = 0, ScenarioPath = scenario }, timeout.Token);
        var http = Own(new HttpClient());
        var runtime = Own(new AwsRuntime(http, new AwsClientOptions
        {
            EndpointUrl = Sandbox.Endpoint,
            Region = "us-east-1",
            UseEnvironmentEndpoints = false,
            BaseDelay = TimeSpan.FromMilliseconds(5),
            MaxDelay = TimeSpan.FromMilliseconds(50),
            MaxAttempts = 4,
        }, Sandbox.Clock));
        var admin = Sandbox.Accounts[0];
        Admin = runtime.CreateScope(new BasicAWSCredentials(admin.AdminAccessKeyId, admin.AdminSecretAccessKey), "us-east-1", admin.AccountId);
        var sessions = Own(new OrganizationSessions(Admin, "identification-tests"));

        var options = Options.Create(new IdentificationOptions { CmdbPath = Path.Combine(AppContext.BaseDirectory, "Samples", "sample-cmdb.json") });
        var notificationOptions = new NotificationOptions { OutboxPath = _outboxPath };
        notificationOptions.Targets.Add(new WebhookTarget { Name = "soc", Url = new Uri("http://127.0.0.1:9/hook") });
        var outbox = new SqliteNotificationOutbox(_outboxPath);
        var dispatcher = new NotificationDispatcher(outbox, new WebhookSender(http, Sandbox.Clock), Options.Create(notificationOptions), Sandbox.Clock, NullLogger<NotificationDispatcher>.Instance);
        // Constructed directly, called through the generated client in-process, with the service's error map.
        Service = new Contracts.V1.Identification.IdentificationClient(InProcessCallInvoker.Create<Contracts.V1.Identification.IdentificationBase>(new IdentificationService(
            new InputParser(options),
            new CredentialResolver(new AwsCredentialDirectory(Admin, sessions)),
            new CmdbStore(options),
            new Notifier(outbox, dispatcher, Options.Create(notificationOptions), Sandbox.Clock),
            options,
            Sandbox.Clock,
            NullLogger<IdentificationService>.Instance), Contracts.V1.Identification.BindService, [RpcErrors.Logged(NullLogger.Instance)]));
    }

    private T Own<T>(T disposable)
        where T : IDisposable
    {
        _owned.Push(disposable);
        return disposable;
    }

    public async Task DisposeAsync()
    {
        while (_owned.TryPop(out var owned))
        {
            owned.Dispose();
        }

        await Sandbox.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_outboxPath);
    }
}

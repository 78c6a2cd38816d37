using Amazon.Runtime;
using CredIr.Aws;
using CredIr.HuaweiCloud;
using CredIr.HuaweiCloud.Cts;
using CredIr.HuaweiCloud.Hosting;
using CredIr.HuaweiCloud.Iam;
using CredIr.Hosting.InProcess;
using CredIr.Identification.Cmdb;
using CredIr.Identification.Inputs;
using CredIr.Identification.Notifications;
using CredIr.Identification.Resolution;
using CredIr.Sandbox;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace CredIr.Identification.Tests.Support;

/// <summary>
/// The sandbox serving the huawei-ak-leak account (beside a one-account AWS organization), and the Identification
/// service wired to both over real HTTP: Huawei IAM and CTS signed with acme-admin's AK/SK, on the sandbox's clock.
/// </summary>
public sealed class SandboxHuaweiIdentification : IAsyncLifetime
{
    private readonly string _outboxPath = Path.Combine(Path.GetTempPath(), $"ident-hw-outbox-{Guid.NewGuid():N}.db");
    // One connection pool for the whole class, as a service holds one.
    private static readonly HttpClient Http = new();

    public SandboxHost Sandbox { get; private set; } = null!;

    public Contracts.V1.Identification.IdentificationClient Service { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        Sandbox = await SandboxHost.StartAsync(new SandboxOptions
        {
            Port = 0,
            HuaweiScenarioPath = Path.Combine(RepoRoot.Folder, "sandbox", "scenarios", "huawei-ak-leak.json"),
        }, timeout.Token);
        var runtime = new AwsRuntime(Http, new AwsClientOptions { EndpointUrl = Sandbox.Endpoint, Region = "us-east-1", UseEnvironmentEndpoints = false }, Sandbox.Clock);
        var admin = Sandbox.Accounts[0];
        var scope = runtime.CreateScope(new BasicAWSCredentials(admin.AdminAccessKeyId, admin.AdminSecretAccessKey), "us-east-1", admin.AccountId);

        var huawei = Sandbox.Huawei!;
        var responder = huawei.Credentials("acme-admin");
        var clientOptions = new HuaweiCloudOptions
        {
            IamEndpoint = huawei.IamEndpoint,
            CtsEndpoint = huawei.CtsEndpoint,
            Credentials = new HuaweiCredentials(responder.AccessKeyId, responder.SecretAccessKey),
        };
        var access = new HuaweiCloudAccess(new HuaweiIamClient(Http, clientOptions, Sandbox.Clock), new HuaweiCtsClient(Http, clientOptions, Sandbox.Clock), responder.AccessKeyId);

        var options = Options.Create(new IdentificationOptions());
        var notificationOptions = new NotificationOptions { OutboxPath = _outboxPath };
        var outbox = new SqliteNotificationOutbox(_outboxPath);
        var dispatcher = new NotificationDispatcher(outbox, new WebhookSender(Http, Sandbox.Clock), Options.Create(notificationOptions), Sandbox.Clock, NullLogger<NotificationDispatcher>.Instance);
        Service = new Contracts.V1.Identification.IdentificationClient(InProcessCallInvoker.Create<Contracts.V1.Identification.IdentificationBase>(new IdentificationService(
            new InputParser(options),
            new CredentialResolver(new AwsCredentialDirectory(scope, new OrganizationSessions(scope, "identification-tests"))),
            new CmdbStore(options),
            new Notifier(outbox, dispatcher, Options.Create(notificationOptions), Sandbox.Clock),
            options,
            Sandbox.Clock,
            NullLogger<IdentificationService>.Instance,
            new CredIr.Identification.HuaweiCloud.HuaweiIdentification(access)), Contracts.V1.Identification.BindService, [RpcErrors.Logged(NullLogger.Instance)]));
    }

    public async Task DisposeAsync()
    {
        await Sandbox.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        File.Delete(_outboxPath);
    }
}

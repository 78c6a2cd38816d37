using Amazon.Runtime;
using CredIr.Aws;
using CredIr.Eradication.Closure;
using CredIr.Eradication.Trails.Athena;
using CredIr.Playbook.Classification;
using CredIr.Playbook.Extraction;
using CredIr.Sandbox;
using Microsoft.Extensions.Logging.Abstractions;

namespace CredIr.Eradication.Tests.Trails.Athena;

/// <summary>
/// A sandbox whose trail holds a dataset, queried through its Athena (DuckDB over the trail's log files) with the
/// management admin's key, and a bucket for the query results: the Athena source end to end over real HTTP.
/// </summary>
internal sealed class AthenaSandbox : IAsyncDisposable
{
    public const string ResultsBucket = "athena-query-results";

    private readonly HttpClient _http = new();

    private AthenaSandbox(SandboxHost sandbox)
    {
        Sandbox = sandbox;
        Runtime = new AwsRuntime(_http, new AwsClientOptions { EndpointUrl = sandbox.Endpoint, Region = "us-east-1", UseEnvironmentEndpoints = false });
        var admin = sandbox.Accounts[0].AdminCredentials;
        Admin = Runtime.CreateScope(new BasicAWSCredentials(admin.AccessKeyId, admin.SecretAccessKey), "us-east-1");
    }

    public SandboxHost Sandbox { get; }

    public AwsRuntime Runtime { get; }

    public AwsScope Admin { get; }

    public string TrailLocation => $"s3://org-trail/AWSLogs/{Sandbox.OrganizationId}/";

    public static async Task<AthenaSandbox> StartAsync(string dataset)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var sandbox = await SandboxHost.StartAsync(new SandboxOptions { Port = 0 }, timeout.Token);
        sandbox.Trail.Import(sandbox.Accounts[0].AccountId, dataset);
        var athena = new AthenaSandbox(sandbox);
        await athena.Admin.S3.CreateBucketAsync(new CreateBucketRequest(ResultsBucket), timeout.Token);
        return athena;
    }

    public AthenaTarget Target(bool createTable = true, string table = "organization_trail", string workGroup = "primary") =>
        new("cloudtrail", table, workGroup, $"s3://{ResultsBucket}/scans/", createTable, TrailLocation, null);

    public AthenaTrailSource Source(AthenaTarget target, AthenaSourceOptions? options = null) =>
        new(Admin, target, options ?? new AthenaSourceOptions { PollInterval = TimeSpan.FromMilliseconds(10), MaxPollInterval = TimeSpan.FromMilliseconds(50) },
            TimeProvider.System, NullLogger<AthenaTrailSource>.Instance);

    public static async Task<List<ClosureUpdate>> RunAsync(AthenaTrailSource source, ClosureRequest request)
    {
        var engine = new ClosureEngine(source, new EventClassifier(), new RecordExtractor(), new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)));
        var updates = new List<ClosureUpdate>();
        await foreach (var update in engine.RunAsync(request, CancellationToken.None))
        {
            updates.Add(update);
        }

        return updates;
    }

    public async ValueTask DisposeAsync()
    {
        await Sandbox.DisposeAsync();
        Runtime.Dispose();
        _http.Dispose();
    }
}

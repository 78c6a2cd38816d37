using System.Text.Json;
using CredIr.Aws;
using CredIr.Eradication.Closure;
using CredIr.Eradication.Trails.LookupEvents;
using CredIr.Playbook.Classification;
using CredIr.Playbook.Extraction;
using CredIr.Sandbox;
using Microsoft.Extensions.Logging.Abstractions;

namespace CredIr.Eradication.Tests.Trails.LookupEvents;

/// <summary>A shipped sandbox scenario reached over real HTTP with the management account's admin key, as a responder would.</summary>
internal sealed class SandboxOrganization : IAsyncDisposable
{
    private readonly HttpClient _http = new();

    private SandboxOrganization(SandboxHost sandbox)
    {
        Sandbox = sandbox;
        var management = sandbox.Accounts[0];
        Runtime = new AwsRuntime(_http, new AwsClientOptions
        {
            EndpointUrl = sandbox.Endpoint,
            Region = "us-east-1",
            UseEnvironmentEndpoints = false,
            BaseDelay = TimeSpan.FromMilliseconds(20),
            MaxDelay = TimeSpan.FromMilliseconds(200),
        });
        Management = Runtime.CreateScope(new Amazon.Runtime.BasicAWSCredentials(management.AdminAccessKeyId, management.AdminSecretAccessKey), "us-east-1");
    }

    public SandboxHost Sandbox { get; }

    public AwsRuntime Runtime { get; }

    public AwsScope Management { get; }

    public JsonElement GroundTruth => JsonDocument.Parse(Sandbox.Scenario.GroundTruth!.ToJsonString()).RootElement;

    public static async Task<SandboxOrganization> StartAsync(string scenario)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var path = RepoRoot.Combine("sandbox", "scenarios", scenario + ".json");
        return new SandboxOrganization(await SandboxHost.StartAsync(new SandboxOptions { Port = 0, ScenarioPath = path }, timeout.Token));
    }

    public OrganizationSessions Sessions() => new(Management, "inc-test");

    public static ClosureEngine Engine(OrganizationSessions sessions, int segments = 4) =>
        new(new LookupEventsTrailSource(sessions, new LookupEventsSourceOptions { SegmentsPerUnit = segments }, NullLogger<LookupEventsTrailSource>.Instance),
            new EventClassifier(), new RecordExtractor(), TimeProvider.System);

    public async ValueTask DisposeAsync()
    {
        Runtime.Dispose();
        _http.Dispose();
        await Sandbox.DisposeAsync();
    }
}

using CredIr.Aws;
using CredIr.Eradication.Trails.LookupEvents;
using CredIr.Sandbox;
using Microsoft.Extensions.Logging.Abstractions;

namespace CredIr.Eradication.Tests.Trails.LookupEvents;

/// <summary>
/// A LookupEvents trail source over a generated sandbox organization, entered with the management account's
/// admin key over real HTTP, with the client's LookupEvents rate set to the sandbox's.
/// </summary>
internal sealed class SandboxLookupClient : IDisposable
{
    private readonly HttpClient _http = new();
    private readonly AwsRuntime _runtime;
    private readonly OrganizationSessions _sessions;

    public SandboxLookupClient(SandboxHost sandbox, double rate, int burst)
    {
        var management = sandbox.Accounts[0];
        _runtime = new AwsRuntime(_http, new AwsClientOptions
        {
            EndpointUrl = sandbox.Endpoint,
            Region = "us-east-1",
            UseEnvironmentEndpoints = false,
            LookupEventsPerSecond = rate,
            LookupEventsBurst = burst,
            BaseDelay = TimeSpan.FromMilliseconds(20),
            MaxDelay = TimeSpan.FromMilliseconds(200),
        });
        _sessions = new OrganizationSessions(
            _runtime.CreateScope(new Amazon.Runtime.BasicAWSCredentials(management.AdminAccessKeyId, management.AdminSecretAccessKey), "us-east-1"), "inc-test");
    }

    public LookupEventsTrailSource Source(LookupEventsSourceOptions options) => new(_sessions, options, NullLogger<LookupEventsTrailSource>.Instance);

    public void Dispose()
    {
        _sessions.Dispose();
        _runtime.Dispose();
        _http.Dispose();
    }
}

using Amazon.Runtime;
using CredIr.Sandbox;
using Microsoft.Extensions.Logging;

namespace CredIr.Aws.Tests.Support;

/// <summary>A runtime pointed at a sandbox over real HTTP, counting the requests it sends.</summary>
internal sealed class SandboxClients : IDisposable
{
    private SandboxClients(SandboxHost sandbox, AwsClientOptions options, TimeProvider? time, ILoggerFactory? loggers)
    {
        Sandbox = sandbox;
        Counter = new CountingHandler();
        Http = new HttpClient(Counter);
        Runtime = new AwsRuntime(Http, options, time, loggers);
    }

    public SandboxHost Sandbox { get; }

    public CountingHandler Counter { get; }

    public HttpClient Http { get; }

    public AwsRuntime Runtime { get; }

    public static SandboxClients Create(SandboxHost sandbox, Action<AwsClientOptions>? configure = null, TimeProvider? time = null, ILoggerFactory? loggers = null)
    {
        var options = new AwsClientOptions
        {
            EndpointUrl = sandbox.Endpoint,
            Region = "us-east-1",
            UseEnvironmentEndpoints = false,
            BaseDelay = TimeSpan.FromMilliseconds(5),
            MaxDelay = TimeSpan.FromMilliseconds(50),
            MaxAttempts = 4,
        };
        configure?.Invoke(options);
        return new SandboxClients(sandbox, options, time, loggers);
    }

    /// <summary>Clients signed with an account's administrator key (management account by default).</summary>
    public AwsScope Admin(string accountId = TestScenario.Management, string region = "us-east-1")
    {
        var account = Sandbox.Accounts.Single(a => a.AccountId == accountId);
        return Runtime.CreateScope(new BasicAWSCredentials(account.AdminAccessKeyId, account.AdminSecretAccessKey), region, accountId);
    }

    /// <summary>Clients signed with a user's first active key.</summary>
    public AwsScope As(string user, string region = "us-east-1")
    {
        var credentials = Sandbox.Credentials(user);
        return Runtime.CreateScope(AwsCredentialChain.FromKeys(credentials.AccessKeyId, credentials.SecretAccessKey, credentials.SessionToken), region);
    }

    public void Dispose()
    {
        Runtime.Dispose();
        Http.Dispose();
    }
}

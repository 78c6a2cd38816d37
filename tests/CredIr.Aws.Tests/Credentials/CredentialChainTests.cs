using CredIr.Aws.Tests.Support;
using CredIr.Sandbox;

namespace CredIr.Aws.Tests.Credentials;

/// <summary>AWSSDK.Core's default chain and the standard endpoint variables, against the sandbox.</summary>
[Collection(EnvironmentCollection.Name)]
public sealed class CredentialChainTests : IAsyncLifetime
{
    // AWSSDK.Core fixes the shared files' paths the first time it reads them in a process: one
    // place for the whole test run, whose content each test rewrites.
    private static readonly string ProfileDirectory = Directory.CreateTempSubdirectory("credir-aws-profiles-").FullName;
    private SandboxHost? _sandbox;

    private SandboxHost Sandbox => _sandbox!;

    public async Task InitializeAsync() =>
        _sandbox = await SandboxHost.StartAsync(new SandboxOptions { Port = 0, Scenario = TestScenario.Create() }, CancellationToken.None);

    public async Task DisposeAsync() => await Sandbox.DisposeAsync();

    [Fact]
    public async Task EnvironmentKeysAndEndpointVariable_DefaultScope_ReachesTheSandboxAsThatUser()
    {
        var bob = Sandbox.Credentials("bob");
        using var environment = new EnvironmentScope(new Dictionary<string, string>
        {
            ["AWS_ACCESS_KEY_ID"] = bob.AccessKeyId,
            ["AWS_SECRET_ACCESS_KEY"] = bob.SecretAccessKey,
            ["AWS_REGION"] = "eu-west-1",
            ["AWS_ENDPOINT_URL"] = Sandbox.Endpoint.ToString(),
        });
        using var http = new HttpClient();
        using var runtime = new AwsRuntime(http);

        var scope = runtime.CreateDefaultScope();
        var identity = await scope.Sts.GetCallerIdentityAsync();

        Assert.Equal("eu-west-1", scope.Region);
        Assert.EndsWith(":user/bob", identity.Arn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ServiceEndpointVariable_OnlyThatServiceGoesToTheSandbox()
    {
        using var environment = new EnvironmentScope(new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL_STS"] = Sandbox.Endpoint.ToString(),
        });
        using var http = new HttpClient();
        using var runtime = new AwsRuntime(http, new AwsClientOptions { Region = "us-east-1" });
        var admin = Sandbox.Accounts[0];

        var identity = await runtime.CreateScope(AwsCredentialChain.FromKeys(admin.AdminAccessKeyId, admin.AdminSecretAccessKey)).Sts.GetCallerIdentityAsync();

        Assert.Equal(TestScenario.Management, identity.Account);
        Assert.Equal(new Uri("https://cloudtrail.us-east-1.amazonaws.com"), runtime.Endpoints.Resolve(AwsServiceKind.CloudTrail, "us-east-1").Url);
    }

    [Fact]
    public async Task SharedCredentialsProfile_NamedByAwsProfile_IsUsed()
    {
        var alice = Sandbox.Credentials("alice");
        using var environment = new EnvironmentScope(ProfileFiles(alice, roleProfile: false));
        using var http = new HttpClient();
        using var runtime = new AwsRuntime(http, new AwsClientOptions { EndpointUrl = Sandbox.Endpoint });

        var scope = runtime.CreateDefaultScope();
        var identity = await scope.Sts.GetCallerIdentityAsync();

        Assert.EndsWith(":user/alice", identity.Arn, StringComparison.Ordinal);
        Assert.Equal("eu-west-1", scope.Region);
    }

    [Fact]
    public async Task AssumeRoleProfile_SourceProfileAndRoleArn_EntersTheMemberAccountThroughTheSandboxSts()
    {
        var admin = Sandbox.Accounts[0].AdminCredentials;
        using var environment = new EnvironmentScope(ProfileFiles(admin, roleProfile: true));
        using var http = new HttpClient();
        using var runtime = new AwsRuntime(http, new AwsClientOptions { EndpointUrl = Sandbox.Endpoint });

        var identity = await runtime.CreateDefaultScope().Sts.GetCallerIdentityAsync();

        Assert.Equal(TestScenario.Workload, identity.Account);
        Assert.Contains(":assumed-role/OrganizationAccountAccessRole/", identity.Arn, StringComparison.Ordinal);
    }

    [Fact]
    public void FromProfile_UnknownProfile_ReturnsNull()
    {
        using var environment = new EnvironmentScope(ProfileFiles(Sandbox.Credentials("alice"), roleProfile: false));

        Assert.Null(AwsCredentialChain.FromProfile("no-such-profile"));
        Assert.NotNull(AwsCredentialChain.FromProfile("responder"));
    }

    private Dictionary<string, string> ProfileFiles(SandboxCredentials source, bool roleProfile)
    {
        var credentials = Path.Combine(ProfileDirectory, "credentials");
        var config = Path.Combine(ProfileDirectory, "config");
        File.WriteAllText(credentials, $"""
            [responder]
            aws_access_key_id = {source.AccessKeyId}
            aws_secret_access_key = {source.SecretAccessKey}
            """);
        File.WriteAllText(config, $"""
            [profile responder]
            region = eu-west-1

            [profile member]
            role_arn = arn:aws:iam::{TestScenario.Workload}:role/OrganizationAccountAccessRole
            source_profile = responder
            role_session_name = credir-profile-test
            region = us-east-1
            """);
        return new Dictionary<string, string>
        {
            ["AWS_SHARED_CREDENTIALS_FILE"] = credentials,
            ["AWS_CONFIG_FILE"] = config,
            ["AWS_PROFILE"] = roleProfile ? "member" : "responder",
            ["AWS_ENDPOINT_URL_STS"] = Sandbox.Endpoint.ToString(),
        };
    }
}

using CredIr.Aws;
using CredIr.Containment.Tests.Support;
using CredIr.Contracts.Calls;
using CredIr.Contracts.V1;
using CredIr.Hosting;
using CredIr.Hosting.Identity;
using CredIr.Sandbox;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.Extensions.Options;

namespace CredIr.Containment.Tests.Grpc;

/// <summary>
/// The containment service hosted alone with a ServiceIdentity key, over HTTP/2: it answers only callers with a
/// token signed for it; a call without one, with one for another service or signed with another key is
/// UNAUTHENTICATED and changes nothing; health stays open to probes.
/// </summary>
public sealed class ServiceIdentityTests : IAsyncLifetime
{
    private const string LeakedKey = "AKIA4CIDEPLOYLEAKED5";
    private static readonly string Key = Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes("containment-tests-service-identity-key"));
    private SandboxHost _sandbox = null!;
    private GrpcHost _host = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxHost.StartAsync(new SandboxOptions { Port = 0, ScenarioPath = Path.Combine(AppContext.BaseDirectory, "scenarios", "single-account-key-leak.json") }, CancellationToken.None);
        _host = await GrpcHost.StartAsync(_sandbox, new Dictionary<string, string?> { ["ServiceIdentity:Key"] = Key });
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _sandbox.DisposeAsync();
    }

    [Fact]
    public async Task CallWithoutAToken_IsUnauthenticated_EvenDeclaringACallerFromLoopback()
    {
        var e = await Assert.ThrowsAsync<RpcException>(() => _host.Client.PlanContainmentAsync(Request(), Declaring("alice")).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, e.StatusCode);
        Assert.Contains("answers only callers it can identify", e.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteWithoutAToken_IsUnauthenticated_AndTheKeyStaysActive()
    {
        using var channel = Channel(Tokens(Key));
        var plan = await new Contracts.V1.Containment.ContainmentClient(channel).PlanContainmentAsync(Request(), Declaring("coordinator"));

        var approval = await Harness.Approve(_host.Services, plan, "inc-grpc");

        var e = await Assert.ThrowsAsync<RpcException>(() => Collect.AllAsync(_host.Client.ExecuteContainment(
            new ExecutePlanRequest { IncidentId = "inc-grpc", Plan = plan, Approval = approval }, Declaring("coordinator")).Responses()));

        Assert.Equal(StatusCode.Unauthenticated, e.StatusCode);
        Assert.Equal(AccessKeyStatus.Active, await KeyStatusAsync());
    }

    [Fact]
    public async Task TokenForAnotherServiceOrAnotherKey_IsUnauthenticated()
    {
        var otherKey = Tokens(Convert.ToBase64String(System.Text.Encoding.ASCII.GetBytes("someone-else-service-identity-key-00")));
        var forEradication = Tokens(Key).Issue("mallory", "credir.v1.Eradication");

        var wrongAudience = await Assert.ThrowsAsync<RpcException>(() => _host.Client.PlanContainmentAsync(Request(), WithToken(forEradication)).ResponseAsync);
        using var channel = Channel(otherKey);
        var wrongKey = await Assert.ThrowsAsync<RpcException>(() => new Contracts.V1.Containment.ContainmentClient(channel).PlanContainmentAsync(Request(), Declaring("mallory")).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, wrongAudience.StatusCode);
        Assert.Equal(StatusCode.Unauthenticated, wrongKey.StatusCode);
    }

    [Fact]
    public async Task CallWithATokenForThisService_IsAnswered()
    {
        using var channel = Channel(Tokens(Key));

        var plan = await new Contracts.V1.Containment.ContainmentClient(channel).PlanContainmentAsync(Request(), Declaring("coordinator"));

        Assert.NotEmpty(plan.Steps);
    }

    private static ServiceTokens Tokens(string key) => new(Options.Create(new ServiceIdentityOptions { Key = key }), TimeProvider.System);

    private GrpcChannel Channel(ServiceTokens tokens) => GrpcChannel.ForAddress(_host.Address, new GrpcChannelOptions
    {
        HttpHandler = new ServiceTokenHandler(tokens) { InnerHandler = new SocketsHttpHandler() },
    });

    private static PlanContainmentRequest Request() => new() { IncidentId = "inc-grpc", Credentials = { Cred.Key(LeakedKey) } };

    private static CallOptions Declaring(string caller) => new(new Metadata { { CallerHeaders.Caller, caller } }, cancellationToken: new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);

    private static CallOptions WithToken(string token) => new(new Metadata { { ServiceTokens.Header, token } }, cancellationToken: new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);

    private async Task<AccessKeyStatus> KeyStatusAsync()
    {
        var admin = _sandbox.Accounts[0].AdminCredentials;
        using var http = new HttpClient();
        using var runtime = new AwsRuntime(http, new AwsClientOptions { EndpointUrl = _sandbox.Endpoint, Region = "us-east-1", UseEnvironmentEndpoints = false });
        var iam = runtime.CreateScope(AwsCredentialChain.FromKeys(admin.AccessKeyId, admin.SecretAccessKey)).Iam;
        var keys = await Collect.AllAsync(iam.ListAccessKeysAsync(new ListAccessKeysRequest("ci-deployer")));
        return Assert.Single(keys, k => k.AccessKeyId == LeakedKey).Status;
    }
}

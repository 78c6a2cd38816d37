using CredIr.Contracts.Calls;
using CredIr.Containment.Tests.Support;
using CredIr.Contracts.V1;
using Grpc.Core;
using CredIr.Sandbox;

namespace CredIr.Containment.Tests.Grpc;

/// <summary>The service behind the real gRPC layer (Kestrel, HTTP/2 on loopback), called through the contract's client proxy.</summary>
public sealed class ContainmentOverGrpcTests : IAsyncLifetime
{
    private SandboxHost _sandbox = null!;
    private GrpcHost _host = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await SandboxHost.StartAsync(new SandboxOptions { Port = 0, ScenarioPath = Path.Combine(AppContext.BaseDirectory, "scenarios", "single-account-key-leak.json") }, CancellationToken.None);
        _host = await GrpcHost.StartAsync(_sandbox);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _sandbox.DisposeAsync();
    }

    [Fact]
    public async Task PlanOverTheWire_ComesBackWholeWithDeterministicStepIds()
    {
        var plan = await _host.Client.PlanContainmentAsync(Request(Cred.Key("AKIA4CIDEPLOYLEAKED5")), Context());
        var again = await _host.Client.PlanContainmentAsync(Request(Cred.Key("AKIA4CIDEPLOYLEAKED5")), Context());

        Assert.Contains(plan.Steps, s => s.Action == "iam:UpdateAccessKey(Inactive)" && s.AccessKeyId == "AKIA4CIDEPLOYLEAKED5");
        Assert.Equal(plan.Steps.Select(s => s.StepId), again.Steps.Select(s => s.StepId));
    }

    [Fact]
    public async Task NoCredentials_InvalidArgumentNamingTheField()
    {
        var e = await Assert.ThrowsAsync<RpcException>(() => _host.Client.PlanContainmentAsync(Request(), Context()).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.StartsWith("credentials:", e.Status.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "", "credentials[0]: names neither")]
    [InlineData("", "arn:aws:iam::12345:user/x", "credentials[0].principal_arn:")]
    [InlineData("", "not-an-arn", "credentials[0].principal_arn:")]
    [InlineData("akia-lower-case", "", "credentials[0].access_key_id:")]
    public async Task MalformedCredential_InvalidArgumentNamingTheField(string key, string arn, string prefix)
    {
        var e = await Assert.ThrowsAsync<RpcException>(() => _host.Client.PlanContainmentAsync(Request(new Credential { AccessKeyId = key, PrincipalArn = arn }), Context()).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, e.StatusCode);
        Assert.StartsWith(prefix, e.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownAccessKey_NotFoundNamingTheKey()
    {
        var e = await Assert.ThrowsAsync<RpcException>(() => _host.Client.PlanContainmentAsync(Request(Cred.Key("AKIA0000UNKNOWNKEY00")), Context()).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, e.StatusCode);
        Assert.Contains("AKIA0000UNKNOWNKEY00", e.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownUser_NotFoundNamingTheUser()
    {
        var e = await Assert.ThrowsAsync<RpcException>(() => _host.Client.PlanContainmentAsync(Request(Cred.User("111122223333", "nobody")), Context()).ResponseAsync);

        Assert.Equal(StatusCode.NotFound, e.StatusCode);
        Assert.Contains("'nobody'", e.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task IamOutage_UnavailableAfterRetries()
    {
        _sandbox.Faults.Set("iam", new FaultOptions { ServerErrorRate = 1 });

        var e = await Assert.ThrowsAsync<RpcException>(() => _host.Client.PlanContainmentAsync(Request(Cred.Key("AKIA4CIDEPLOYLEAKED5")), Context()).ResponseAsync);

        Assert.Equal(StatusCode.Unavailable, e.StatusCode);
        Assert.Contains("after 2 attempts", e.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExecuteWithoutApproval_FailedPreconditionOverTheStream()
    {
        var plan = await _host.Client.PlanContainmentAsync(Request(Cred.Key("AKIA4CIDEPLOYLEAKED5")), Context());

        var e = await Assert.ThrowsAsync<RpcException>(() => Collect.AllAsync(_host.Client.ExecuteContainment(new ExecutePlanRequest { Plan = plan }, Context()).Responses()));

        Assert.Equal(StatusCode.FailedPrecondition, e.StatusCode);
        Assert.Equal($"plan {plan.PlanId} is not approved: the request carries no approval token.", e.Status.Detail);
    }

    [Fact]
    public async Task ApprovedExecutionOverTheWire_StreamsEachStep()
    {
        var plan = await _host.Client.PlanContainmentAsync(Request(Cred.Key("AKIA4CIDEPLOYLEAKED5")), Context());

        var steps = await Collect.AllAsync(_host.Client.ExecuteContainment(new ExecutePlanRequest { IncidentId = "inc-grpc", Plan = plan, Approval = await Harness.Approve(_host.Services, plan, "inc-grpc") }, Context()).Responses());

        Assert.Equal(plan.Steps.Select(s => s.StepId), steps.Select(s => s.StepId));
        Assert.All(steps, s => Assert.Equal(StepStatus.Succeeded, s.Status));
    }

    private static PlanContainmentRequest Request(params Credential[] credentials)
    {
        var request = new PlanContainmentRequest { IncidentId = "inc-grpc" };
        request.Credentials.AddRange(credentials);
        return request;
    }

    private static CallOptions Context() => new(cancellationToken: new CancellationTokenSource(TimeSpan.FromSeconds(60)).Token);
}

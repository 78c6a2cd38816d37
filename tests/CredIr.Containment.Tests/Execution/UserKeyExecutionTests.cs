using CredIr.Contracts.Calls;
using CredIr.Aws;
using CredIr.Containment.Tests.Support;
using CredIr.Contracts.V1;
using Grpc.Core;

namespace CredIr.Containment.Tests.Execution;

/// <summary>Executing containment of the single-account-key-leak scenario's leaked key, against the sandbox.</summary>
public sealed class UserKeyExecutionTests : IAsyncLifetime
{
    private const string Account = "111122223333";
    private const string LeakedKey = "AKIA4CIDEPLOYLEAKED5";
    private Harness _h = null!;

    public async Task InitializeAsync() => _h = await Harness.StartAsync("single-account-key-leak");

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task LeakedKey_WorksBefore_AndFailsWithInvalidClientTokenIdAfter_ButIsKept()
    {
        var attacker = _h.As(_h.Sandbox.Credentials("ci-deployer"));
        Assert.NotEmpty(await Collect.AllAsync(attacker.Iam.ListUsersAsync()));

        var results = await _h.ExecuteAsync(await _h.PlanAsync("inc-1", null, Cred.Key(LeakedKey)));

        Assert.All(results, r => Assert.Equal(StepStatus.Succeeded, r.Status));
        var e = await Assert.ThrowsAsync<AwsServiceException>(() => Collect.AllAsync(attacker.Iam.ListUsersAsync()));
        Assert.Equal("InvalidClientTokenId", e.Code);
        var keys = await Collect.AllAsync(_h.Admin().Iam.ListAccessKeysAsync(new ListAccessKeysRequest("ci-deployer")));
        Assert.Equal(AccessKeyStatus.Inactive, Assert.Single(keys, k => k.AccessKeyId == LeakedKey).Status);
        var key = Assert.Single(results, r => r.Action == "iam:UpdateAccessKey(Inactive)");
        Assert.Equal("""{"resource":"access-key","status":"Active"}""", key.PriorStateJson);
    }

    [Fact]
    public async Task SessionMintedWithGetSessionTokenBeforeContainment_IsDeniedByTheOlderSessionsDeny()
    {
        var minted = await _h.As(_h.Sandbox.Credentials("ci-deployer")).Sts.GetSessionTokenAsync();
        var session = _h.As(minted.Credentials);
        Assert.NotEmpty(await Collect.AllAsync(session.Iam.ListUsersAsync()));
        _h.Clock.Advance(TimeSpan.FromSeconds(1));

        await _h.ExecuteAsync(await _h.PlanAsync("inc-1", null, Cred.Key(LeakedKey)));

        var e = await Assert.ThrowsAsync<AwsServiceException>(() => Collect.AllAsync(session.Iam.ListUsersAsync()));
        Assert.Equal("AccessDenied", e.Code);
        Assert.Contains("with an explicit deny in an identity-based policy", e.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SessionMintedWithGetFederationTokenBeforeContainment_IsDeniedByTheOlderSessionsDeny()
    {
        // Without a session policy a federated session has no permissions; actors pass an allow-all one.
        const string allowAll = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}""";
        var minted = await _h.As(_h.Sandbox.Credentials("ci-deployer")).Sts.GetFederationTokenAsync(new GetFederationTokenRequest("exfil", allowAll));
        var session = _h.As(minted.Credentials);
        Assert.NotEmpty(await Collect.AllAsync(session.Iam.ListUsersAsync()));
        _h.Clock.Advance(TimeSpan.FromSeconds(1));

        await _h.ExecuteAsync(await _h.PlanAsync("inc-1", null, Cred.Key(LeakedKey)));

        var e = await Assert.ThrowsAsync<AwsServiceException>(() => Collect.AllAsync(session.Iam.ListUsersAsync()));
        Assert.Equal("AccessDenied", e.Code);
    }

    [Fact]
    public async Task SamePlanExecutedTwice_ChangesNothingMore_AndWritesNothingToCloudTrail()
    {
        var plan = await _h.PlanAsync("inc-1", new ContainmentOptions { DenyAll = true }, Cred.Key(LeakedKey), Cred.User(Account, "backup-svc"));
        var first = await _h.ExecuteAsync(plan);
        var writesAfterFirst = Writes();

        var second = await _h.ExecuteAsync(plan);

        Assert.All(first.Where(s => s.Status != StepStatus.Manual), s => Assert.Equal(StepStatus.Succeeded, s.Status));
        Assert.All(second.Where(s => s.Status != StepStatus.Manual), s => Assert.Equal(StepStatus.AlreadyDone, s.Status));
        Assert.Equal(first.Select(s => s.StepId), second.Select(s => s.StepId));
        Assert.Equal(writesAfterFirst, Writes());
    }

    [Fact]
    public async Task WithoutApproval_IsRefusedWithFailedPrecondition_AndNothingChanges()
    {
        var plan = await _h.PlanAsync("inc-1", null, Cred.Key(LeakedKey));
        var writes = Writes();

        var missing = await Assert.ThrowsAsync<RpcException>(() => Collect.AllAsync(_h.Service.ExecuteContainment(new ExecutePlanRequest { IncidentId = "inc-1", Plan = plan }, Harness.Context()).Responses()));

        Assert.Equal(StatusCode.FailedPrecondition, missing.StatusCode);
        Assert.Equal($"plan {plan.PlanId} is not approved: the request carries no approval token.", missing.Status.Detail);
        Assert.Equal(writes, Writes());
    }

    [Fact]
    public async Task ResponderWhomAwsRefuses_EachStepFailsWithAwsMessage_AndTheStreamGoesOn()
    {
        await using var h = await Harness.StartAsync("single-account-key-leak", s => s.Credentials("alice"));
        var plan = await h.PlanAsync("inc-1", new ContainmentOptions { DenyAll = true }, Cred.Key(LeakedKey));

        var results = await h.ExecuteAsync(plan);

        Assert.Equal(plan.Steps.Select(s => s.StepId), results.Select(r => r.StepId));
        Assert.All(results, r => Assert.Equal(StepStatus.Failed, r.Status));
        Assert.Contains("AccessDenied", Assert.Single(results, r => r.Action == "iam:UpdateAccessKey(Inactive)").ResultMessage, StringComparison.Ordinal);
        Assert.Contains("is not authorized to perform: iam:UpdateAccessKey", results[0].ResultMessage, StringComparison.Ordinal);
        Assert.StartsWith("Not run: it depends on step", Assert.Single(results, r => r.Action == "iam:PutUserPolicy(DenyAll)").ResultMessage, StringComparison.Ordinal);
    }

    private int Writes() => _h.Sandbox.Trail.All(Account).Count(e => !e.ReadOnly);
}

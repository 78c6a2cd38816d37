using System.Security.Cryptography;
using CredIr.Aws;
using CredIr.Contracts.Calls;
using CredIr.Containment.Tests.Support;
using CredIr.Contracts.V1;
using CredIr.Hosting.Approvals;
using Google.Protobuf;
using Grpc.Core;

namespace CredIr.Containment.Tests.Execution;

/// <summary>
/// The containment service acts only on its own plans with a token the coordinator issued for exactly that plan,
/// incident and method, once and in time; anything else is refused and the leaked key stays as it was (Active).
/// </summary>
public sealed class ApprovalEnforcementTests : IAsyncLifetime
{
    private const string LeakedKey = "AKIA4CIDEPLOYLEAKED5";
    private Harness _h = null!;

    public async Task InitializeAsync() => _h = await Harness.StartAsync("single-account-key-leak");

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task ForgedApproval_IsPermissionDenied_AndTheKeyStaysActive()
    {
        var plan = await _h.PlanAsync("inc-1", null, Cred.Key(LeakedKey));
        var genuine = await _h.ApproveAsync(plan);
        var forged = genuine.Clone();
        forged.Signature = ByteString.CopyFrom(RandomNumberGenerator.GetBytes(32));
        var selfMade = new ApprovalToken { ApprovalId = "a-1", PlanId = plan.PlanId, ApprovedBy = "mallory", IncidentId = "inc-1", Method = ApprovalMethods.ExecuteContainment, TokenId = "t-1" };

        var e1 = await ExecuteRefusedAsync(plan, forged);
        var e2 = await ExecuteRefusedAsync(plan, selfMade);

        Assert.Equal(StatusCode.PermissionDenied, e1.StatusCode);
        Assert.Equal(StatusCode.PermissionDenied, e2.StatusCode);
        Assert.Contains("was not issued by the incident coordinator", e1.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(AccessKeyStatus.Active, await KeyStatusAsync());
    }

    [Fact]
    public async Task PlanAlteredAfterApproval_IsPermissionDenied_AndTheKeyStaysActive()
    {
        var plan = await _h.PlanAsync("inc-1", null, Cred.Key(LeakedKey));
        var approval = await _h.ApproveAsync(plan);
        var altered = plan.Clone();
        altered.Steps[0].ParametersJson = altered.Steps[0].ParametersJson.Replace("ci-deployer", "ops-admin", StringComparison.Ordinal);
        altered.Steps[0].Description += " (and more)";

        var e = await ExecuteRefusedAsync(altered, approval);

        Assert.Equal(StatusCode.PermissionDenied, e.StatusCode);
        Assert.Contains("was not made by this containment service, or was changed since", e.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(AccessKeyStatus.Active, await KeyStatusAsync());
    }

    [Fact]
    public async Task ApprovalOfAnotherPlan_IsPermissionDenied_AndTheKeyStaysActive()
    {
        var approved = await _h.PlanAsync("inc-1", null, Cred.Key("AKIA4CIDEPLOYLEAKED5"), Cred.User("111122223333", "backup-svc"));
        var other = await _h.PlanAsync("inc-1", null, Cred.Key(LeakedKey));
        var approval = await _h.ApproveAsync(approved);

        var e = await ExecuteRefusedAsync(other, approval);

        Assert.Equal(StatusCode.PermissionDenied, e.StatusCode);
        Assert.Contains("differs from it", e.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(AccessKeyStatus.Active, await KeyStatusAsync());
    }

    [Fact]
    public async Task ReplayedApproval_IsFailedPrecondition_AndTheReactivatedKeyStaysActive()
    {
        var plan = await _h.PlanAsync("inc-1", null, Cred.Key(LeakedKey));
        var approval = await _h.ApproveAsync(plan);
        await Collect.AllAsync(_h.Service.ExecuteContainment(new ExecutePlanRequest { IncidentId = "inc-1", Plan = plan, Approval = approval }, Harness.Context()).Responses());
        Assert.Equal(AccessKeyStatus.Inactive, await KeyStatusAsync());
        // A false positive: the owner turns the key back on; a captured token must not turn it off again.
        await _h.Admin().Iam.UpdateAccessKeyAsync(new UpdateAccessKeyRequest(LeakedKey, AccessKeyStatus.Active, "ci-deployer"));

        var e = await ExecuteRefusedAsync(plan, approval);

        Assert.Equal(StatusCode.FailedPrecondition, e.StatusCode);
        Assert.Contains("was already used", e.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(AccessKeyStatus.Active, await KeyStatusAsync());
    }

    [Fact]
    public async Task ApprovalForAnotherIncident_IsPermissionDenied_AndTheKeyStaysActive()
    {
        var plan = await _h.PlanAsync("inc-1", null, Cred.Key(LeakedKey));
        var approval = await _h.ApproveAsync(plan, "inc-2");

        var e = await ExecuteRefusedAsync(plan, approval);

        Assert.Equal(StatusCode.PermissionDenied, e.StatusCode);
        Assert.Contains("is for incident inc-2, not inc-1", e.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(AccessKeyStatus.Active, await KeyStatusAsync());
    }

    [Fact]
    public async Task ExpiredApproval_IsFailedPrecondition_AndTheKeyStaysActive()
    {
        var plan = await _h.PlanAsync("inc-1", null, Cred.Key(LeakedKey));
        var approval = await _h.ApproveAsync(plan);
        _h.Clock.Advance(TimeSpan.FromMinutes(6));

        var e = await ExecuteRefusedAsync(plan, approval);

        Assert.Equal(StatusCode.FailedPrecondition, e.StatusCode);
        Assert.Contains("expired", e.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(AccessKeyStatus.Active, await KeyStatusAsync());
    }

    [Fact]
    public async Task ExecuteApprovalUsedForRollback_IsPermissionDenied()
    {
        var plan = await _h.PlanAsync("inc-1", null, Cred.Key(LeakedKey));
        var executed = await _h.ExecuteAsync(plan);
        var executedPlan = plan.Clone();
        executedPlan.Steps.Clear();
        executedPlan.Steps.AddRange(executed);
        var executeApproval = await _h.ApproveAsync(plan);

        var e = await Assert.ThrowsAsync<RpcException>(() => Collect.AllAsync(_h.Service.RollbackContainment(
            new RollbackRequest { IncidentId = "inc-1", ExecutedPlan = executedPlan, Approval = executeApproval }, Harness.Context()).Responses()));

        Assert.Equal(StatusCode.PermissionDenied, e.StatusCode);
        Assert.Equal(AccessKeyStatus.Inactive, await KeyStatusAsync());
    }

    [Fact]
    public async Task RollbackOfAForgedPriorState_IsPermissionDenied_AndNothingIsRestored()
    {
        var plan = await _h.PlanAsync("inc-1", null, Cred.Key(LeakedKey));
        var executed = await _h.ExecuteAsync(plan);
        var key = executed.Single(s => s.Action == "iam:UpdateAccessKey(Inactive)");
        Assert.False(key.Seal.IsEmpty);
        var forged = executed.Select(s => s == key ? new PlanStep(s) { PriorStateJson = """{"resource":"access-key","status":"Active","extra":true}""" } : s);

        var e = await Assert.ThrowsAsync<RpcException>(() => _h.RollbackAsync(plan, forged));

        Assert.Equal(StatusCode.PermissionDenied, e.StatusCode);
        Assert.Contains($"step {key.StepId} is not as this containment service executed it", e.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(AccessKeyStatus.Inactive, await KeyStatusAsync());
    }

    private Task<RpcException> ExecuteRefusedAsync(Plan plan, ApprovalToken approval) =>
        Assert.ThrowsAsync<RpcException>(() => Collect.AllAsync(_h.Service.ExecuteContainment(
            new ExecutePlanRequest { IncidentId = "inc-1", Plan = plan, Approval = approval }, Harness.Context()).Responses()));

    private async Task<AccessKeyStatus> KeyStatusAsync()
    {
        var keys = await Collect.AllAsync(_h.Admin().Iam.ListAccessKeysAsync(new ListAccessKeysRequest("ci-deployer")));
        return Assert.Single(keys, k => k.AccessKeyId == LeakedKey).Status;
    }
}

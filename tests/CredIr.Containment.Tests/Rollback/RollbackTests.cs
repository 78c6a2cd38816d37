using CredIr.Contracts.Calls;
using CredIr.Aws;
using CredIr.Containment.Tests.Support;
using CredIr.Contracts.V1;
using Grpc.Core;

namespace CredIr.Containment.Tests.Rollback;

/// <summary>A false positive: containment is executed, then rolled back to exactly the recorded state.</summary>
public sealed class RollbackTests
{
    private const string Account = "111122223333";
    private const string PreviousPolicy = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:ListBucket","Resource":"*"}]}""";

    [Fact]
    public async Task UserContainment_RolledBack_RestoresKeysAndInlinePoliciesExactly_AndLeavesThePasswordToAPerson()
    {
        await using var h = await Harness.StartAsync("single-account-key-leak");
        var iam = h.Admin().Iam;
        // A policy of the name containment uses is already there: the rollback must put it back, not delete it.
        await iam.PutUserPolicyAsync(new PutUserPolicyRequest("ci-deployer", "credir-deny-all-inc-1", PreviousPolicy));
        var before = await IamSnapshot.OfUsersAsync(iam, "ci-deployer", "backup-svc");
        var plan = await h.PlanAsync("inc-1", new ContainmentOptions { DenyAll = true }, Cred.Key("AKIA4CIDEPLOYLEAKED5"), Cred.User(Account, "backup-svc"));
        var executed = await h.ExecuteAsync(plan);
        Assert.NotEqual(before, await IamSnapshot.OfUsersAsync(iam, "ci-deployer", "backup-svc"));

        var rolledBack = await h.RollbackAsync(plan, executed);

        Assert.Equal(before, await IamSnapshot.OfUsersAsync(iam, "ci-deployer", "backup-svc"));
        Assert.Equal(executed.Select(s => s.StepId).Reverse(), rolledBack.Select(s => s.StepId));
        var password = Assert.Single(rolledBack, s => s.Action == "iam:DeleteLoginProfile");
        Assert.Equal(StepStatus.Manual, password.Status);
        Assert.Contains("cannot be restored", password.ResultMessage, StringComparison.Ordinal);
        Assert.All(rolledBack.Where(s => s.Action.StartsWith("iam:Put", StringComparison.Ordinal) || s.Action.StartsWith("iam:UpdateAccessKey", StringComparison.Ordinal)),
            s => Assert.Equal(StepStatus.RolledBack, s.Status));
        await Assert.ThrowsAsync<AwsServiceException>(() => iam.GetLoginProfileAsync(new GetLoginProfileRequest("backup-svc")));
    }

    [Fact]
    public async Task RoleContainment_RolledBackTwice_RestoresTrustAndPoliciesOnce_ThenChangesNothing()
    {
        await using var h = await Harness.StartAsync("multi-account-org", static s => s.Accounts[1].AdminCredentials);
        var iam = h.Admin(1).Iam;
        const string role = "OrganizationAccountAccessRole";
        var before = await IamSnapshot.OfRoleAsync(iam, role);
        var plan = await h.PlanAsync("inc-1", new ContainmentOptions { DenyAll = true, LockTrustPolicy = true }, Cred.Role("222222222222", role));
        var executed = await h.ExecuteAsync(plan);

        var first = await h.RollbackAsync(plan, executed);
        var after = await IamSnapshot.OfRoleAsync(iam, role);
        var second = await h.RollbackAsync(plan, executed);

        Assert.Equal(before, after);
        Assert.All(first, s => Assert.Equal(StepStatus.RolledBack, s.Status));
        Assert.All(second, s => Assert.Equal(StepStatus.AlreadyDone, s.Status));
        Assert.Equal(before, await IamSnapshot.OfRoleAsync(iam, role));
        var e = await h.As(h.Sandbox.Credentials("carol")).Sts.AssumeRoleAsync(new AssumeRoleRequest($"arn:aws:iam::222222222222:role/{role}", "after-rollback"));
        Assert.StartsWith("ASIA", e.Credentials.AccessKeyId, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RollbackWithoutApproval_IsRefused()
    {
        await using var h = await Harness.StartAsync("single-account-key-leak");
        var plan = await h.PlanAsync("inc-1", null, Cred.Key("AKIA4CIDEPLOYLEAKED5"));

        var e = await Assert.ThrowsAsync<RpcException>(() => Collect.AllAsync(h.Service.RollbackContainment(new RollbackRequest { IncidentId = "inc-1", ExecutedPlan = plan }, Harness.Context()).Responses()));

        Assert.Equal(StatusCode.FailedPrecondition, e.StatusCode);
        Assert.Contains($"plan {plan.PlanId} is not approved", e.Status.Detail, StringComparison.Ordinal);
    }
}

using CredIr.Aws;
using CredIr.Containment.Tests.Support;
using CredIr.Contracts.V1;
using Grpc.Core;

namespace CredIr.Containment.Tests.Planning;

/// <summary>Plans for the single-account-key-leak scenario's ground truth (a CI user's leaked key and the user the actor made).</summary>
public sealed class UserKeyPlanTests : IAsyncLifetime
{
    private const string Account = "111122223333";
    private const string LeakedKey = "AKIA4CIDEPLOYLEAKED5";
    private Harness _h = null!;

    public async Task InitializeAsync() => _h = await Harness.StartAsync("single-account-key-leak");

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task LeakedUserKey_IsDeactivatedNotDeleted_AndOlderSessionsDenied()
    {
        var plan = await _h.PlanAsync("inc-42", null, Cred.Key(LeakedKey));

        var key = Assert.Single(plan.Steps, s => s.Action == "iam:UpdateAccessKey(Inactive)");
        Assert.Equal(LeakedKey, key.AccessKeyId);
        Assert.True(key.Reversible);
        Assert.Contains("not deleted", key.Description, StringComparison.Ordinal);
        Assert.Equal($"arn:aws:iam::{Account}:user/ci-deployer", key.Target.Arn);
        var revoke = Assert.Single(plan.Steps, s => s.Action == "iam:PutUserPolicy(RevokeOlderSessions)");
        Assert.Contains("credir-revoke-older-sessions-inc-42", revoke.ParametersJson, StringComparison.Ordinal);
        Assert.Contains("aws:TokenIssueTime", revoke.ParametersJson, StringComparison.Ordinal);
        Assert.Contains("GetFederationToken", revoke.Description, StringComparison.Ordinal);
        Assert.DoesNotContain(plan.Steps, s => s.Action.Contains("DenyAll", StringComparison.Ordinal));
        Assert.All(plan.Steps, s => Assert.Equal(StepStatus.Planned, s.Status));
        Assert.Equal(PlanKind.Containment, plan.Kind);
    }

    [Fact]
    public async Task ActorCreatedUserWithConsolePassword_PasswordDeletionIsMarkedIrreversible_AndMfaNotTouched()
    {
        var plan = await _h.PlanAsync("inc-42", new ContainmentOptions { DenyAll = true }, Cred.User(Account, "backup-svc"));

        Assert.Contains(plan.Steps, s => s.Action == "iam:UpdateAccessKey(Inactive)" && s.AccessKeyId == "AKIA5BACKUPSVCPERSI7");
        var login = Assert.Single(plan.Steps, s => s.Action == "iam:DeleteLoginProfile");
        Assert.False(login.Reversible);
        Assert.Contains("cannot restore", login.Description, StringComparison.Ordinal);
        var denyAll = Assert.Single(plan.Steps, s => s.Action == "iam:PutUserPolicy(DenyAll)");
        var revoke = Assert.Single(plan.Steps, s => s.Action == "iam:PutUserPolicy(RevokeOlderSessions)");
        Assert.Equal([revoke.StepId], denyAll.DependsOn);
    }

    [Fact]
    public async Task KeepLoginProfiles_LeavesThePasswordAndSaysSo()
    {
        var plan = await _h.PlanAsync("inc-42", new ContainmentOptions { KeepLoginProfiles = true }, Cred.User(Account, "backup-svc"));

        Assert.DoesNotContain(plan.Steps, s => s.Action == "iam:DeleteLoginProfile");
        Assert.Contains(plan.BlastRadius.Warnings, w => w.Contains("keeps its console password", StringComparison.Ordinal));
    }

    [Fact]
    public async Task UserWithAnotherActiveKey_WarnsThatItStaysActive()
    {
        var second = await _h.Admin().Iam.CreateAccessKeyAsync(new CreateAccessKeyRequest("ci-deployer"));

        var plan = await _h.PlanAsync("inc-42", null, Cred.Key(LeakedKey));

        Assert.Contains(plan.BlastRadius.Warnings, w => w.Contains($"keeps access key {second.AccessKey.AccessKeyId} active", StringComparison.Ordinal));
        Assert.Contains($"arn:aws:iam::{Account}:user/ci-deployer", plan.BlastRadius.AffectedPrincipals);
    }

    [Fact]
    public async Task SameCredentialsPlannedTwice_HaveTheSameStepIds()
    {
        var first = await _h.PlanAsync("inc-42", null, Cred.Key(LeakedKey), Cred.User(Account, "backup-svc"));
        _h.Clock.Advance(TimeSpan.FromMinutes(5));
        var second = await _h.PlanAsync("inc-42", null, Cred.User(Account, "backup-svc"), Cred.Key(LeakedKey));

        Assert.Equal(first.Steps.Select(s => s.StepId).Order(), second.Steps.Select(s => s.StepId).Order());
        Assert.Equal(first.Steps.Count, first.Steps.Select(s => s.StepId).Distinct().Count());
    }

    [Fact]
    public async Task ResponderActingWithTheLeakedKey_IsRefusedWithFailedPrecondition()
    {
        await using var h = await Harness.StartAsync("single-account-key-leak", s => s.Credentials("ci-deployer"));

        var e = await Assert.ThrowsAsync<RpcException>(() => h.PlanAsync("inc-42", null, Cred.Key(LeakedKey)));

        Assert.Equal(StatusCode.FailedPrecondition, e.StatusCode);
        Assert.Contains(LeakedKey, e.Status.Detail, StringComparison.Ordinal);
        Assert.Contains("never acts with them", e.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SessionTokenOfTheUser_IsContainedByTheOlderSessionsDenyOnly()
    {
        var minted = await _h.As(_h.Sandbox.Credentials("ci-deployer")).Sts.GetSessionTokenAsync();

        var plan = await _h.PlanAsync("inc-42", null, new Credential
        {
            AccessKeyId = minted.Credentials.AccessKeyId,
            Kind = CredentialKind.SessionToken,
            PrincipalArn = $"arn:aws:iam::{Account}:user/ci-deployer",
        });

        Assert.Equal(["iam:PutUserPolicy(RevokeOlderSessions)"], plan.Steps.Select(s => s.Action));
    }

    [Fact]
    public async Task ServiceLinkedRole_CannotBeRevoked_AndNoStepIsPlanned()
    {
        var trust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"guardduty.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";
        await _h.Admin().Iam.CreateRoleAsync(new CreateRoleRequest("AWSServiceRoleForAmazonGuardDuty", trust) { Path = "/aws-service-role/guardduty.amazonaws.com/" });

        var plan = await _h.PlanAsync("inc-42", new ContainmentOptions { DenyAll = true, LockTrustPolicy = true }, Cred.Role(Account, "AWSServiceRoleForAmazonGuardDuty"));

        Assert.Empty(plan.Steps);
        Assert.Contains(plan.CannotRevoke, c => c.Contains("service-linked role", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RootCredential_IsSaidPlainlyToBeUnrevocable_AndLeftToAPerson()
    {
        var plan = await _h.PlanAsync("inc-42", null, new Credential { Kind = CredentialKind.Root, PrincipalArn = $"arn:aws:iam::{Account}:root" });

        Assert.Contains(plan.CannotRevoke, c => c.Contains("root user", StringComparison.Ordinal) && c.Contains("GetSessionToken", StringComparison.Ordinal));
        var manual = Assert.Single(plan.Steps);
        Assert.Equal(StepStatus.Manual, manual.Status);
        Assert.Contains("MFA", manual.Description, StringComparison.Ordinal);
    }
}

using Grpc.Core;
using CredIr.Aws;
using CredIr.Containment.Tests.Support;
using CredIr.Contracts.V1;

namespace CredIr.Containment.Tests.Execution;

/// <summary>
/// Role sessions in the multi-account-org scenario: the actor's key (AKIA6SVCMAINTPERSIS7) assumes
/// OrganizationAccountAccessRole into acme-prod, as the actor did; carol assumes it legitimately.
/// The responder acts as acme-prod's own administrator.
/// </summary>
public sealed class RoleExecutionTests : IAsyncLifetime
{
    private const string Prod = "222222222222";
    private const string Role = "OrganizationAccountAccessRole";
    private static readonly string RoleArn = $"arn:aws:iam::{Prod}:role/{Role}";
    private Harness _h = null!;

    public async Task InitializeAsync() => _h = await Harness.StartAsync("multi-account-org", static s => s.Accounts[1].AdminCredentials);

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task OlderSessionIsDenied_NewerLegitimateOneIsNot_UntilDenyAll()
    {
        var actor = await AssumeAsync("$leak-create-key", "maint2");
        Assert.NotEmpty(await Collect.AllAsync(actor.Iam.ListRolesAsync()));
        _h.Clock.Advance(TimeSpan.FromSeconds(1));
        var credential = Cred.RoleSession(actor.AccessKeyId, Prod, Role, "maint2");

        var revoke = await _h.ExecuteAsync(await _h.PlanAsync("inc-9", null, credential));

        Assert.Equal("iam:PutRolePolicy(AWSRevokeOlderSessions)", Assert.Single(revoke).Action);
        var denied = await Assert.ThrowsAsync<AwsServiceException>(() => Collect.AllAsync(actor.Iam.ListRolesAsync()));
        Assert.Equal("AccessDenied", denied.Code);
        Assert.Contains($"{actor.Arn} is not authorized to perform: iam:ListRoles", denied.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("with an explicit deny in an identity-based policy", denied.ErrorMessage, StringComparison.Ordinal);

        _h.Clock.Advance(TimeSpan.FromSeconds(1));
        var carol = await AssumeAsync("carol", "carol-later");
        Assert.NotEmpty(await Collect.AllAsync(carol.Iam.ListRolesAsync()));

        await _h.ExecuteAsync(await _h.PlanAsync("inc-9", new ContainmentOptions { DenyAll = true }, credential));

        var all = await Assert.ThrowsAsync<AwsServiceException>(() => Collect.AllAsync(carol.Iam.ListRolesAsync()));
        Assert.Equal("AccessDenied", all.Code);
    }

    [Fact]
    public async Task InstanceProfilePassedToAnInstance_IsContainedThroughTheRoleItCarries()
    {
        var credential = new Credential { Kind = CredentialKind.Role, PrincipalArn = $"arn:aws:iam::{Prod}:instance-profile/app-server-profile", SessionName = "i-0123456789abcdef0" };

        var plan = await _h.PlanAsync("inc-9", null, credential);

        var revoke = Assert.Single(plan.Steps);
        Assert.Equal("iam:PutRolePolicy(AWSRevokeOlderSessions)", revoke.Action);
        Assert.Equal($"arn:aws:iam::{Prod}:role/app-server", revoke.Target.Arn);
    }

    [Fact]
    public async Task InstanceProfileThatNoLongerExists_IsNamedAsNotRevocable_NotAnError()
    {
        var credential = new Credential { Kind = CredentialKind.Role, PrincipalArn = $"arn:aws:iam::{Prod}:instance-profile/deleted-by-actor" };

        var plan = await _h.PlanAsync("inc-9", null, credential);

        Assert.Empty(plan.Steps);
        Assert.Contains(plan.CannotRevoke, c => c.Contains("instance profile deleted-by-actor no longer exists", StringComparison.Ordinal));
    }

    [Fact]
    public async Task TrustLock_RefusesAssumeRoleToEveryone_AndKeepsThePriorTrustPolicy()
    {
        var before = (await _h.Admin(1).Iam.GetRoleAsync(new GetRoleRequest(Role))).Role.AssumeRolePolicyDocument;

        var results = await _h.ExecuteAsync(await _h.PlanAsync("inc-9", new ContainmentOptions { LockTrustPolicy = true }, Cred.Role(Prod, Role)));

        var lockStep = Assert.Single(results, r => r.Action == "iam:UpdateAssumeRolePolicy(DenyAll)");
        Assert.Equal(StepStatus.Succeeded, lockStep.Status);
        Assert.Contains("trust-policy", lockStep.PriorStateJson, StringComparison.Ordinal);
        Assert.True(CredIr.Containment.Planning.PolicyDocuments.SameDocument(before, System.Text.Json.JsonDocument.Parse(lockStep.PriorStateJson).RootElement.GetProperty("document").GetString()));
        foreach (var who in new[] { "carol", "$leak-create-key" })
        {
            var e = await Assert.ThrowsAsync<AwsServiceException>(() => _h.As(_h.Sandbox.Credentials(who)).Sts.AssumeRoleAsync(new AssumeRoleRequest(RoleArn, "again")));
            Assert.Equal("AccessDenied", e.Code);
            Assert.Contains("is not authorized to perform: sts:AssumeRole on resource: " + RoleArn, e.ErrorMessage, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task RolePlan_NamesLegitimateCallersFromCloudTrail_AndWarnsTheyLoseAccessToo()
    {
        await AssumeAsync("carol", "carol-now");
        var actorNow = await AssumeAsync("$leak-create-key", "maint-now");
        var plan = await _h.PlanAsync("inc-9", null, Cred.RoleSession("ASIA7MAINTPRODSESS01", Prod, Role, "maint"), Cred.RoleSession(actorNow.AccessKeyId, Prod, Role, "maint-now"));

        Assert.Contains(plan.BlastRadius.RecentLegitimateCallers, c => c.StartsWith("arn:aws:iam::111111111111:user/carol (session carol", StringComparison.Ordinal));
        Assert.DoesNotContain(plan.BlastRadius.RecentLegitimateCallers, c => c.Contains("svc-maint", StringComparison.Ordinal));
        Assert.Contains(plan.BlastRadius.Warnings, w => w.StartsWith("Revoking the role's sessions stops every legitimate user of it too", StringComparison.Ordinal));
        Assert.Contains("arn:aws:iam::111111111111:user/carol", plan.BlastRadius.AffectedPrincipals);
        Assert.Contains(plan.BlastRadius.RecentLegitimateCallers, c => c.StartsWith("arn:aws:iam::111111111111:user/carol (session carol-now", StringComparison.Ordinal));
        Assert.Equal(1, plan.BlastRadius.ActiveSessions);
    }

    [Fact]
    public async Task CredentialInAnAccountTheResponderCannotEnter_PermissionDeniedWithAwsMessage()
    {
        var e = await Assert.ThrowsAsync<RpcException>(() => _h.PlanAsync("inc-9", null, Cred.Key("AKIA6SVCMAINTPERSIS7", "svc-maint", "111111111111")));

        Assert.Equal(StatusCode.PermissionDenied, e.StatusCode);
        Assert.Contains("is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::111111111111:role/OrganizationAccountAccessRole", e.Status.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(_h.Sandbox.Accounts[1].AdminSecretAccessKey, e.Status.Detail, StringComparison.Ordinal);
    }

    private async Task<AssumedSession> AssumeAsync(string who, string sessionName)
    {
        var response = await _h.As(_h.Sandbox.Credentials(who)).Sts.AssumeRoleAsync(new AssumeRoleRequest(RoleArn, sessionName));
        return new AssumedSession(_h.As(response.Credentials), response.Credentials.AccessKeyId, response.AssumedRoleArn);
    }

    private sealed record AssumedSession(AwsScope Scope, string AccessKeyId, string Arn)
    {
        public IamClient Iam => Scope.Iam;
    }
}

using CredIr.Containment.Tests.Support;
using CredIr.Contracts.Calls;
using CredIr.Contracts.V1;
using CredIr.HuaweiCloud;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace CredIr.Containment.Tests.HuaweiCloud;

/// <summary>Containment of the huawei-ak-leak scenario's leaked AK through the containment service, against the sandbox.</summary>
public sealed class HuaweiContainmentTests : IAsyncLifetime
{
    private const string LeakedAk = HuaweiHarness.LeakedAk;
    private HuaweiHarness _h = null!;

    public async Task InitializeAsync() => _h = await HuaweiHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task LeakedAk_PlannedAndExecuted_ActorRefusedAndAkKeptInactive()
    {
        var attacker = _h.Iam("ci-deployer");
        Assert.True((await attacker.GetAccessKeyAsync(LeakedAk, CancellationToken.None)).IsActive);

        var plan = await _h.PlanAsync(null, HuaweiHarness.Key(LeakedAk));
        var results = await _h.ExecuteAsync(plan);

        Assert.Equal(CloudProvider.HuaweiCloud, plan.Provider);
        var step = Assert.Single(results);
        Assert.Equal(("huawei-iam:UpdateCredential(inactive)", StepStatus.Succeeded, LeakedAk), (step.Action, step.Status, step.AccessKeyId));
        Assert.Equal("""{"resource":"HPUACIDEPLOYLEAKED01","status":"Active"}""", step.PriorStateJson);
        var refused = await Assert.ThrowsAsync<HuaweiCloudException>(() => attacker.GetAccessKeyAsync(LeakedAk, CancellationToken.None));
        Assert.Equal("APIGW.0301", refused.ErrorCode);
        var kept = await _h.Iam("acme-admin").GetAccessKeyAsync(LeakedAk, CancellationToken.None);
        Assert.Equal("inactive", kept.Status);
    }

    [Fact]
    public async Task SamePlanExecutedTwice_SecondRunFindsItAlreadyDone()
    {
        await _h.ExecuteAsync(await _h.PlanAsync(null, HuaweiHarness.Key(LeakedAk)));

        var again = await _h.ExecuteAsync(await _h.PlanAsync(null, HuaweiHarness.Key(LeakedAk)));

        Assert.Equal(StepStatus.AlreadyDone, Assert.Single(again).Status);
    }

    [Fact]
    public async Task DenyAll_DisablesTheUserToo_AndRollbackRestoresBoth()
    {
        var plan = await _h.PlanAsync(new ContainmentOptions { DenyAll = true }, HuaweiHarness.Key(LeakedAk));
        var executed = await _h.ExecuteAsync(plan);

        Assert.Equal(["huawei-iam:UpdateCredential(inactive)", "huawei-iam:UpdateUser(disabled)"], executed.Select(static s => s.Action));
        Assert.All(executed, static s => Assert.Equal(StepStatus.Succeeded, s.Status));
        Assert.Contains(plan.BlastRadius.Warnings, static w => w.Contains("Disabling IAM user ci-deployer", StringComparison.Ordinal));
        var admin = _h.Iam("acme-admin");
        Assert.False((await admin.GetUserAsync(_h.Sandbox.Huawei!.UserId("ci-deployer"), CancellationToken.None)).Enabled);

        var restored = await _h.RollbackAsync(plan, executed);

        Assert.All(restored, static s => Assert.Equal(StepStatus.Succeeded, s.Status));
        Assert.True((await admin.GetUserAsync(_h.Sandbox.Huawei.UserId("ci-deployer"), CancellationToken.None)).Enabled);
        Assert.True((await _h.Iam("ci-deployer").GetAccessKeyAsync(LeakedAk, CancellationToken.None)).IsActive);
    }

    [Fact]
    public async Task PlanEditedAfterApproval_RefusedAndNothingChanged()
    {
        var plan = await _h.PlanAsync(null, HuaweiHarness.Key(LeakedAk));
        var approved = plan.Clone();
        plan.Steps[0].AccessKeyId = "HPUAALICEDEVKEY00001";
        plan.Steps[0].ParametersJson = plan.Steps[0].ParametersJson.Replace(LeakedAk, "HPUAALICEDEVKEY00001", StringComparison.Ordinal);

        var error = await Assert.ThrowsAsync<RpcException>(() => _h.ExecuteAsync(plan));

        Assert.Equal(StatusCode.PermissionDenied, error.StatusCode);
        Assert.True((await _h.Iam("alice").GetAccessKeyAsync("HPUAALICEDEVKEY00001", CancellationToken.None)).IsActive);
        Assert.NotEqual(approved, plan);
    }

    [Fact]
    public async Task ResponderOwnAk_RefusedBeforeAnyPlan()
    {
        var error = await Assert.ThrowsAsync<RpcException>(() => _h.PlanAsync(null, HuaweiHarness.Key("HPUAACMEADMINKEY0001")));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("responder's own AK", error.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AgencyTemporaryAk_CannotBeRevoked_PlanSaysUntilWhen()
    {
        var expires = _h.Clock.GetUtcNow().AddHours(9);
        var session = new Credential
        {
            AccessKeyId = "HPUATEMPORARYAGENCY1", Kind = CredentialKind.RoleSession, RoleName = "ops-readonly-agency",
            Provider = CloudProvider.HuaweiCloud, ExpiresAt = Timestamp.FromDateTimeOffset(expires),
        };

        var plan = await _h.PlanAsync(null, session);

        Assert.Empty(plan.Steps);
        Assert.Contains($"works until {expires:u}", Assert.Single(plan.CannotRevoke), StringComparison.Ordinal);
    }

    // The scenario's agency token was obtained with the persistence AK of ops-backup: disabling ops-backup stops it.
    [Fact]
    public async Task AgencyTemporaryAk_WithItsIssuingAk_UserWhoObtainedItDisabled_TokenRefused()
    {
        var token = _h.Sandbox.Huawei!.Credentials("$assume-agency");
        var agency = _h.Iam("$assume-agency");
        await agency.ListProjectsAsync(null, CancellationToken.None);
        var session = new Credential
        {
            AccessKeyId = token.AccessKeyId, Kind = CredentialKind.RoleSession, RoleName = "ops-readonly-agency", Provider = CloudProvider.HuaweiCloud,
            Provenance = new Provenance { DerivedFromAccessKeyId = "HPUABACKUPPERSIST001" },
        };

        var plan = await _h.PlanAsync(null, session);
        var executed = await _h.ExecuteAsync(plan);

        var step = Assert.Single(executed);
        Assert.Equal(("huawei-iam:UpdateUser(disabled)", StepStatus.Succeeded, token.AccessKeyId), (step.Action, step.Status, step.AccessKeyId));
        Assert.Contains("ops-backup", step.Target.Arn, StringComparison.Ordinal);
        Assert.Empty(plan.CannotRevoke);
        Assert.Equal("APIGW.0301", (await Assert.ThrowsAsync<HuaweiCloudException>(() => agency.ListProjectsAsync(null, CancellationToken.None))).ErrorCode);
    }

    [Fact]
    public async Task UserTheActorCreated_Disabled()
    {
        var domain = _h.Sandbox.Huawei!.DomainId;
        var user = new Credential { Kind = CredentialKind.IamUser, PrincipalArn = $"iam::{domain}:user:ops-backup", Provider = CloudProvider.HuaweiCloud };

        var executed = await _h.ExecuteAsync(await _h.PlanAsync(null, user));

        Assert.Equal(("huawei-iam:UpdateUser(disabled)", StepStatus.Succeeded), (Assert.Single(executed).Action, executed[0].Status));
        Assert.False((await _h.Iam("acme-admin").GetUserAsync(_h.Sandbox.Huawei.UserId("ops-backup"), CancellationToken.None)).Enabled);
    }

    [Fact]
    public async Task VerifyOverTheActorsHour_ReportsItsCtsTracesAsUses_StillActive()
    {
        var request = new VerifyContainmentRequest
        {
            IncidentId = "inc-hw",
            ContainedAt = Timestamp.FromDateTimeOffset(_h.Clock.GetUtcNow().AddHours(-3)),
            Window = Duration.FromTimeSpan(TimeSpan.FromHours(1)),
            DeliveryDelay = Duration.FromTimeSpan(TimeSpan.Zero),
        };
        request.Credentials.Add(HuaweiHarness.Key(LeakedAk));

        var updates = await Collect.AllAsync(_h.Service.VerifyContainment(request, Harness.Context()).Responses());

        var uses = updates.Where(static u => u.Use is not null).Select(static u => u.Use).ToList();
        Assert.Equal(["createCredential", "createUser", "getCredential", "listAgencies", "listProjects", "updateRole"], uses.Select(static u => u.EventName).Order(StringComparer.Ordinal));
        Assert.All(uses, static u => Assert.Equal((CloudProvider.HuaweiCloud, "203.0.113.77"), (u.Provider, u.SourceIpAddress)));
        Assert.Equal(VerificationVerdict.StillActive, updates[^1].Result.Verdict);
    }

    [Fact]
    public async Task VerifyAfterContainment_NoTraceOfTheInactiveAk_Clean()
    {
        var attacker = _h.Iam("ci-deployer");
        var contained = _h.Clock.GetUtcNow();
        await _h.ExecuteAsync(await _h.PlanAsync(null, HuaweiHarness.Key(LeakedAk)));
        await Assert.ThrowsAsync<HuaweiCloudException>(() => attacker.ListProjectsAsync(null, CancellationToken.None));
        var request = new VerifyContainmentRequest
        {
            IncidentId = "inc-hw",
            ContainedAt = Timestamp.FromDateTimeOffset(contained.AddSeconds(-1)),
            Window = Duration.FromTimeSpan(TimeSpan.FromSeconds(1)),
            DeliveryDelay = Duration.FromTimeSpan(TimeSpan.Zero),
        };
        request.Credentials.Add(HuaweiHarness.Key(LeakedAk));

        var updates = await Collect.AllAsync(_h.Service.VerifyContainment(request, Harness.Context()).Responses());

        Assert.DoesNotContain(updates, static u => u.Use is not null);
        Assert.Equal(VerificationVerdict.Clean, updates[^1].Result.Verdict);
        Assert.Contains("CTS's delivery delay", updates[^1].Result.Summary, StringComparison.Ordinal);
    }
}

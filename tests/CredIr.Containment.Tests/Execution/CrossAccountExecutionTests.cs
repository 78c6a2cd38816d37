using CredIr.Aws;
using CredIr.Containment.Tests.Support;
using CredIr.Contracts.V1;

namespace CredIr.Containment.Tests.Execution;

/// <summary>
/// The responder in the management account contains credentials in acme-prod, entered through the
/// response role, as a responder does across an organization.
/// </summary>
public sealed class CrossAccountExecutionTests : IAsyncLifetime
{
    private const string Prod = "222222222222";
    private static readonly ListObjectsV2Request Data = new("acme-prod-data");
    private Harness _h = null!;

    public async Task InitializeAsync() => _h = await Harness.StartAsync("multi-account-org");

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task InstanceRoleCredentialsInAMemberAccount_AreRevokedThroughTheResponseRole()
    {
        var instance = _h.As(_h.Sandbox.Credentials("$prod-run-instance"));
        Assert.NotEmpty(await Collect.AllAsync(instance.S3.ListObjectsV2Async(Data)));
        _h.Clock.Advance(TimeSpan.FromSeconds(1));

        var plan = await _h.PlanAsync("inc-3", null, new Credential
        {
            AccessKeyId = "ASIA7INSTANCEROLE002",
            Kind = CredentialKind.RoleSession,
            RoleName = "app-server",
            AccountId = Prod,
            Provenance = new Provenance { CreatedByEventName = "RunInstances", DerivedFromAccessKeyId = "ASIA7MAINTPRODSESS01", Depth = 3 },
        });
        var results = await _h.ExecuteAsync(plan, "inc-3");

        Assert.Contains(plan.CannotRevoke, c => c.Contains("EC2 instance credentials", StringComparison.Ordinal));
        Assert.Equal(StepStatus.Succeeded, Assert.Single(results).Status);
        var e = await Assert.ThrowsAsync<AwsServiceException>(() => Collect.AllAsync(instance.S3.ListObjectsV2Async(Data)));
        Assert.Equal("AccessDenied", e.Code);
        var put = Assert.Single(_h.Sandbox.Trail.All(Prod), r => r.EventName == "PutRolePolicy");
        Assert.True(put.Json.Contains("assumed-role/OrganizationAccountAccessRole/credir-inc-3", StringComparison.Ordinal), put.Json);
    }

    [Fact]
    public async Task TheResponseRoleItself_IsSkipped_SoTheResponderIsNotLockedOut()
    {
        var plan = await _h.PlanAsync("inc-3", new ContainmentOptions { DenyAll = true, LockTrustPolicy = true },
            Cred.RoleSession("ASIA7MAINTPRODSESS01", Prod, "OrganizationAccountAccessRole", "maint"));

        Assert.Equal(3, plan.Steps.Count);
        Assert.All(plan.Steps, s =>
        {
            Assert.Equal(StepStatus.Skipped, s.Status);
            Assert.Contains("response role", s.RefusedReason, StringComparison.Ordinal);
        });
    }
}

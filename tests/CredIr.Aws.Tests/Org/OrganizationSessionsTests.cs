using CredIr.Aws.Tests.Support;
using CredIr.Sandbox;

namespace CredIr.Aws.Tests.Org;

public sealed class OrganizationSessionsTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task DescribeOrganization_ManagementAccount_NamesItAsMaster()
    {
        using var clients = SandboxClients.Create(fixture.Sandbox);

        var organization = (await clients.Admin().Organizations.DescribeOrganizationAsync()).Organization;

        Assert.Equal(TestScenario.Management, organization.MasterAccountId);
        Assert.StartsWith("o-", organization.Id, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListAccounts_EmptyPagesCarryingTokens_AreFollowedToTheEnd()
    {
        using var clients = SandboxClients.Create(fixture.Sandbox);

        var accounts = await clients.Admin().Organizations.ListAccountsAsync().ToListAsync();

        Assert.Equal([TestScenario.Management, TestScenario.Workload, TestScenario.Locked], accounts.Select(a => a.Id).Order());
        Assert.All(accounts, a => Assert.Equal("ACTIVE", a.Status));
        Assert.True(clients.Counter.Count > 1, "the scenario answers an empty page with a token first");
    }

    [Fact]
    public async Task ListAccounts_MemberAccount_IsRefused()
    {
        using var clients = SandboxClients.Create(fixture.Sandbox);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => clients.Admin(TestScenario.Workload).Organizations.ListAccountsAsync().ToListAsync());

        Assert.Equal("AccessDeniedException", error.Code);
        Assert.False(error.IsRetryable);
    }

    [Fact]
    public async Task EnterAll_OneMemberWithoutTheRole_EntersTheOthersAndSaysWhy()
    {
        using var clients = SandboxClients.Create(fixture.Sandbox);
        await RemoveResponseRoleAsync(clients.Admin(TestScenario.Locked).Iam);
        using var sessions = new OrganizationSessions(clients.Admin(), "INC 2026/42");

        var report = await sessions.EnterAllAsync();

        Assert.Equal([TestScenario.Management, TestScenario.Workload], report.Entered.Select(s => s.AccountId));
        Assert.True(report.Entered[0].IsCallerAccount);
        var failure = Assert.Single(report.NotEntered);
        Assert.Equal(TestScenario.Locked, failure.AccountId);
        Assert.Equal("AccessDenied", failure.Code);
        var workload = report.Entered[1];
        var identity = await workload.Scope.Sts.GetCallerIdentityAsync();
        Assert.Equal(TestScenario.Workload, identity.Account);
        Assert.EndsWith("assumed-role/OrganizationAccountAccessRole/credir-INC-2026-42", identity.Arn, StringComparison.Ordinal);
    }

    // Containment revokes the older sessions of the response role when the actor held one: every session issued
    // before, the response's own cached ones too, is then denied. The next call assumes the role again and succeeds.
    [Fact]
    public async Task MemberSession_RoleOlderSessionsRevokedAfterward_IsIssuedAgainAndTheCallSucceeds()
    {
        using var clients = SandboxClients.Create(fixture.Sandbox);
        using var sessions = new OrganizationSessions(clients.Admin(), "INC-revoked");
        var workload = await sessions.GetSessionAsync(TestScenario.Workload);
        await workload.Scope.Iam.GetRoleAsync(new GetRoleRequest("OrganizationAccountAccessRole"));
        var revokedAt = fixture.Sandbox.Clock.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture);
        var memberAdmin = clients.Admin(TestScenario.Workload).Iam;
        await memberAdmin.PutRolePolicyAsync(new PutRolePolicyRequest("OrganizationAccountAccessRole", "AWSRevokeOlderSessions",
            """{"Version":"2012-10-17","Statement":[{"Effect":"Deny","Action":["*"],"Resource":["*"],"Condition":{"DateLessThan":{"aws:TokenIssueTime":"REVOKED_AT"}}}]}""".Replace("REVOKED_AT", revokedAt, StringComparison.Ordinal)));
        fixture.Sandbox.Clock.Advance(TimeSpan.FromSeconds(1));
        try
        {
            var role = await workload.Scope.Iam.GetRoleAsync(new GetRoleRequest("OrganizationAccountAccessRole"));

            Assert.Equal("OrganizationAccountAccessRole", role.Role.RoleName);
        }
        finally
        {
            await memberAdmin.DeleteRolePolicyAsync(new DeleteRolePolicyRequest("OrganizationAccountAccessRole", "AWSRevokeOlderSessions"));
        }
    }

    [Fact]
    public async Task GetSession_ConcurrentCallers_AssumeTheRoleOnce()
    {
        using var clients = SandboxClients.Create(fixture.Sandbox);
        using var sessions = new OrganizationSessions(clients.Admin(), "INC-7");
        await sessions.GetCallerAccountIdAsync();
        clients.Counter.Reset();

        var all = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => sessions.GetSessionAsync(TestScenario.Workload)));

        Assert.Single(all.Distinct());
        Assert.Equal(1, clients.Counter.Count);
    }

    [Fact]
    public async Task Session_NearExpiry_IsRenewedOnTheRuntimeClock()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var clients = SandboxClients.Create(fixture.Sandbox, time: clock);
        var options = new OrganizationSessionOptions { SessionDuration = TimeSpan.FromMinutes(15), RefreshBefore = TimeSpan.FromMinutes(5) };
        using var sessions = new OrganizationSessions(clients.Admin(), "INC-8", options);
        var session = await sessions.GetSessionAsync(TestScenario.Workload);
        var credentials = (AssumedRoleCredentials)session.Scope.Credentials;
        var firstKey = (await credentials.GetCredentialsAsync()).AccessKey;

        clock.Advance(TimeSpan.FromMinutes(5));
        var stillFirst = (await credentials.GetCredentialsAsync()).AccessKey;
        clock.Advance(TimeSpan.FromMinutes(6));
        var renewed = (await credentials.GetCredentialsAsync()).AccessKey;

        Assert.Equal(firstKey, stillFirst);
        Assert.NotEqual(firstKey, renewed);
        Assert.Equal(TestScenario.Workload, (await session.Scope.Sts.GetCallerIdentityAsync()).Account);
    }

    [Fact]
    public async Task CallerIdentity_FailedOnce_IsAskedAgainAndMemberAccountsCanBeEntered()
    {
        using var clients = SandboxClients.Create(fixture.Sandbox, o => o.MaxAttempts = 1);
        using var sessions = new OrganizationSessions(clients.Admin(), "INC-11");
        fixture.Sandbox.Faults.Set("sts", new FaultOptions { ServerErrorRate = 1 });
        try
        {
            var error = await Assert.ThrowsAsync<AwsServiceException>(() => sessions.GetCallerAccountIdAsync());
            Assert.True(error.IsRetryable);
        }
        finally
        {
            fixture.Sandbox.Faults.Clear("sts");
        }

        Assert.Equal(TestScenario.Management, await sessions.GetCallerAccountIdAsync());
        var workload = await sessions.GetSessionAsync(TestScenario.Workload);
        Assert.Equal("arn:aws:iam::" + TestScenario.Workload + ":role/OrganizationAccountAccessRole", workload.RoleArn);
    }

    [Fact]
    public async Task EnabledRegions_MemberSession_ListsTheScenarioRegions()
    {
        using var clients = SandboxClients.Create(fixture.Sandbox);
        using var sessions = new OrganizationSessions(clients.Admin(), "INC-9");
        var session = await sessions.GetSessionAsync(TestScenario.Workload);

        var regions = await OrganizationSessions.GetEnabledRegionsAsync(session);

        Assert.Equal(["eu-west-1", "us-east-1"], regions);
    }

    private static async Task RemoveResponseRoleAsync(IamClient iam)
    {
        const string role = "OrganizationAccountAccessRole";
        await foreach (var policy in iam.ListAttachedRolePoliciesAsync(new ListAttachedRolePoliciesRequest(role)))
        {
            await iam.DetachRolePolicyAsync(new DetachRolePolicyRequest(role, policy.PolicyArn));
        }

        await foreach (var name in iam.ListRolePoliciesAsync(new ListRolePoliciesRequest(role)))
        {
            await iam.DeleteRolePolicyAsync(new DeleteRolePolicyRequest(role, name));
        }

        await iam.DeleteRoleAsync(new DeleteRoleRequest(role));
    }
}

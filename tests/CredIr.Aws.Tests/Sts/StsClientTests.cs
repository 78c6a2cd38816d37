using Amazon.Runtime;
using CredIr.Aws.Tests.Support;

namespace CredIr.Aws.Tests.Sts;

public sealed class StsClientTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task GetCallerIdentity_AdminKey_NamesTheUserAndAccount()
    {
        using var clients = SandboxClients.Create(fixture.Sandbox);

        var identity = await clients.Admin().Sts.GetCallerIdentityAsync();

        Assert.Equal(TestScenario.Management, identity.Account);
        Assert.EndsWith(":user/sandbox-admin", identity.Arn, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(identity.RequestId));
    }

    [Fact]
    public async Task GetAccessKeyInfo_AnotherUsersKey_ReturnsItsAccount()
    {
        using var clients = SandboxClients.Create(fixture.Sandbox);
        var workloadKey = fixture.Sandbox.Accounts.Single(a => a.AccountId == TestScenario.Workload).AdminAccessKeyId;

        var info = await clients.Admin().Sts.GetAccessKeyInfoAsync(new GetAccessKeyInfoRequest(workloadKey));

        Assert.Equal(TestScenario.Workload, info.Account);
    }

    [Fact]
    public async Task AssumeRole_MemberAccountRole_GivesCredentialsThatActThere()
    {
        using var clients = SandboxClients.Create(fixture.Sandbox);
        var roleArn = $"arn:aws:iam::{TestScenario.Workload}:role/OrganizationAccountAccessRole";

        var session = await clients.Admin().Sts.AssumeRoleAsync(new AssumeRoleRequest(roleArn, "credir-test") { DurationSeconds = 900 });
        var inMember = clients.Runtime.CreateScope(session.Credentials.ToAwsCredentials(), "us-east-1", TestScenario.Workload);
        var identity = await inMember.Sts.GetCallerIdentityAsync();

        Assert.StartsWith("ASIA", session.Credentials.AccessKeyId, StringComparison.Ordinal);
        Assert.Equal(TestScenario.Workload, identity.Account);
        Assert.Equal($"arn:aws:sts::{TestScenario.Workload}:assumed-role/OrganizationAccountAccessRole/credir-test", session.AssumedRoleArn);
        Assert.DoesNotContain(session.Credentials.SecretAccessKey, session.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetSessionToken_LongTermKey_GivesWorkingSessionCredentials()
    {
        using var clients = SandboxClients.Create(fixture.Sandbox);

        var session = await clients.As("bob").Sts.GetSessionTokenAsync(new GetSessionTokenRequest(DurationSeconds: 900));
        var identity = await clients.Runtime.CreateScope(session.Credentials.ToAwsCredentials()).Sts.GetCallerIdentityAsync();

        Assert.EndsWith(":user/bob", identity.Arn, StringComparison.Ordinal);
        Assert.True(session.Credentials.Expiration > DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task GetFederationToken_UserKey_GivesAFederatedUserSessionThatActs()
    {
        using var clients = SandboxClients.Create(fixture.Sandbox);

        var session = await clients.Admin().Sts.GetFederationTokenAsync(new GetFederationTokenRequest("contractor", DurationSeconds: 900));
        var identity = await clients.Runtime.CreateScope(session.Credentials.ToAwsCredentials()).Sts.GetCallerIdentityAsync();

        Assert.StartsWith("ASIA", session.Credentials.AccessKeyId, StringComparison.Ordinal);
        Assert.EndsWith(":federated-user/contractor", session.FederatedUserArn, StringComparison.Ordinal);
        Assert.Equal(session.FederatedUserArn, identity.Arn);
    }

    [Fact]
    public async Task GetFederationToken_SessionCredentials_RefusedAsAccessDenied()
    {
        using var clients = SandboxClients.Create(fixture.Sandbox);
        var session = await clients.As("bob").Sts.GetSessionTokenAsync(new GetSessionTokenRequest(DurationSeconds: 900));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() =>
            clients.Runtime.CreateScope(session.Credentials.ToAwsCredentials()).Sts.GetFederationTokenAsync(new GetFederationTokenRequest("contractor")));

        Assert.Equal("AccessDenied", error.Code);
    }

    [Fact]
    public async Task UnknownAccessKey_IsRefusedAsInvalidClientTokenId_WithoutRetry()
    {
        using var clients = SandboxClients.Create(fixture.Sandbox);
        var stranger = clients.Runtime.CreateScope(new BasicAWSCredentials("AKIAUNKNOWNKEY000001", "not-a-secret-we-issued"));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => stranger.Sts.GetCallerIdentityAsync());

        Assert.Equal("InvalidClientTokenId", error.Code);
        Assert.Equal(403, (int)error.HttpStatus);
        Assert.False(string.IsNullOrEmpty(error.RequestId));
        Assert.False(error.IsRetryable);
        Assert.Equal(1, clients.Counter.Count);
        Assert.DoesNotContain("not-a-secret-we-issued", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrongSecret_IsRefusedAsSignatureDoesNotMatch()
    {
        using var clients = SandboxClients.Create(fixture.Sandbox);
        var key = fixture.Sandbox.Accounts[0].AdminAccessKeyId;
        var forged = clients.Runtime.CreateScope(new BasicAWSCredentials(key, "wrong-secret-wrong-secret"));

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => forged.Sts.GetCallerIdentityAsync());

        Assert.Equal("SignatureDoesNotMatch", error.Code);
    }
}

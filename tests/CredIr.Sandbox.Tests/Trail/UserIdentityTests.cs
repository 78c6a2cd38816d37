using CredIr.Sandbox.Scenarios;
using CredIr.Sandbox.Tests.Support;

namespace CredIr.Sandbox.Tests.Trail;

public sealed class UserIdentityTests
{
    [Fact]
    public async Task RootKey_Call_IsRecordedAsRootWithAccountPrincipal()
    {
        var scenario = new Scenario
        {
            Organization = new ScenarioOrganization
            {
                Accounts = [new ScenarioAccount { Id = "123456789012", Name = "legacy", Management = true, RootAccessKeyId = "AKIAROOTKEYLEGACY001" }],
            },
            Steps = [new ScenarioStep { Id = "root-users", At = "-1h", As = "root", Service = "iam", Action = "ListUsers" }],
        };

        await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions { Scenario = scenario }, CancellationToken.None);

        var e = Assert.Single(sandbox.Trail.All("123456789012"));
        var identity = RecordJson.Of(e).GetProperty("userIdentity");
        Assert.Equal("Root", identity.Str("type"));
        Assert.Equal("arn:aws:iam::123456789012:root", identity.Str("arn"));
        Assert.Equal("123456789012", identity.Str("principalId"));
        Assert.Equal("AKIAROOTKEYLEGACY001", identity.Str("accessKeyId"));
        Assert.Equal("root", e.Username);
        Assert.Equal("AKIAROOTKEYLEGACY001", sandbox.Credentials("root").AccessKeyId);
    }
}

using CredIr.Sandbox.Tests.Support;

namespace CredIr.Sandbox.Tests.Boto;

public sealed class AssumeRoleTests
{
    private const string AccessRole = "OrganizationAccountAccessRole";

    [Fact]
    public async Task AssumeRole_IntoMemberAccount_SessionActsThereAndTokenIsChecked()
    {
        await using var sandbox = await ShippedScenarios.StartAsync(ShippedScenarios.MultiAccountOrg);
        var member = sandbox.Accounts[1].AccountId;
        var roleArn = $"arn:aws:iam::{member}:role/{AccessRole}";
        var reader = sandbox.Credentials("dave");

        var result = await Boto3.RunAsync("assume_role.py", Boto3.Input(sandbox, sandbox.Accounts[0].AdminCredentials,
            new { roleArn, reader = new { accessKeyId = reader.AccessKeyId, secretAccessKey = reader.SecretAccessKey } }));

        var identity = result.GetProperty("identity");
        Assert.Equal(member, identity.GetProperty("Account").GetString());
        Assert.Equal($"arn:aws:sts::{member}:assumed-role/{AccessRole}/responder", identity.GetProperty("Arn").GetString());
        Assert.StartsWith("ASIA", result.GetProperty("accessKeyId").GetString(), StringComparison.Ordinal);
        Assert.Contains("app-server", result.GetProperty("roles").EnumerateArray().Select(e => e.GetString()));
        var pages = result.GetProperty("accountPages").EnumerateArray().Select(p => p.EnumerateArray().Select(a => a.GetString()).ToList()).ToList();
        Assert.Contains(pages, p => p.Count == 0);
        Assert.Equal(sandbox.Accounts.Select(a => a.AccountId), pages.SelectMany(p => p));
        Assert.Equal("InvalidClientTokenId", result.GetProperty("withoutToken").GetProperty("code").GetString());
        var denied = result.GetProperty("readerAssume");
        Assert.Equal("AccessDenied", denied.GetProperty("code").GetString());
        Assert.StartsWith($"User: arn:aws:iam::{sandbox.Accounts[0].AccountId}:user/dave is not authorized to perform: sts:AssumeRole on resource: {roleArn}",
            denied.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task RevokeOlderSessions_DeniesSessionIssuedBeforeButNotAfter_AndExpiredSessionIsRefused()
    {
        await using var sandbox = await ShippedScenarios.StartAsync(ShippedScenarios.MultiAccountOrg);
        var member = sandbox.Accounts[1];
        var management = sandbox.Accounts[0].AdminCredentials;
        var roleArn = $"arn:aws:iam::{member.AccountId}:role/{AccessRole}";
        var mgmt = new { accessKeyId = management.AccessKeyId, secretAccessKey = management.SecretAccessKey };
        var first = await Boto3.RunAsync("revoke_sessions.py", Boto3.Input(sandbox, management, new { phase = 1, roleArn, management = mgmt }));

        sandbox.Clock.Advance(TimeSpan.FromMinutes(20));
        var revokeBefore = sandbox.Clock.GetUtcNow().AddMinutes(-1).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var second = await Boto3.RunAsync("revoke_sessions.py", Boto3.Input(sandbox, member.AdminCredentials, new
        {
            phase = 2, roleArn, roleName = AccessRole, management = mgmt, revokeBefore,
            older = first.GetProperty("older"), @short = first.GetProperty("short"),
        }));

        Assert.Equal(System.Text.Json.JsonValueKind.Null, second.GetProperty("olderBeforeRevoke").ValueKind);
        var denied = second.GetProperty("olderAfterRevoke");
        Assert.Equal("AccessDenied", denied.GetProperty("code").GetString());
        Assert.EndsWith("is not authorized to perform: iam:ListUsers on resource: arn:aws:iam::" + member.AccountId + ":user/ with an explicit deny in an identity-based policy",
            denied.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("ExpiredToken", second.GetProperty("expired").GetProperty("code").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, second.GetProperty("newer").ValueKind);
    }
}

using System.Text.Json;
using CredIr.Sandbox.Tests.Support;

namespace CredIr.Sandbox.Tests.Boto;

/// <summary>SSH keys, signing certificates, service-specific credentials and virtual MFA devices, as boto3 sees them.</summary>
public sealed class UserCredentialTests
{
    [Fact]
    public async Task EachOtherCredential_BlocksDeleteUserUntilRemoved_ThePasswordNeverReachesCloudTrail()
    {
        await using var sandbox = await ShippedScenarios.StartAsync();

        var result = await Boto3.RunAsync("user_credentials.py", Boto3.Input(sandbox, sandbox.Accounts[0].AdminCredentials));

        var account = sandbox.Accounts[0].AccountId;
        Assert.StartsWith("APKA", result.GetProperty("sshId").GetString(), StringComparison.Ordinal);
        Assert.Equal(result.GetProperty("sshId").GetString(), result.GetProperty("sshListed")[0].GetString());
        Assert.Equal(result.GetProperty("certId").GetString(), result.GetProperty("certListed")[0].GetString());
        Assert.True(result.GetProperty("credHasPassword").GetBoolean());
        Assert.Equal($"holder-at-{account}", result.GetProperty("credServiceUserName").GetString());
        Assert.Single(result.GetProperty("credListed").EnumerateArray());
        Assert.Equal($"arn:aws:iam::{account}:mfa/holder", result.GetProperty("devicesAssigned")[0].GetString());
        Assert.Equal("DeleteConflict", result.GetProperty("deviceInUse").GetProperty("code").GetString());
        Assert.All(result.GetProperty("conflicts").EnumerateArray(), c => Assert.Equal("DeleteConflict", c.GetProperty("code").GetString()));
        Assert.Equal(4, result.GetProperty("conflicts").GetArrayLength());
        Assert.Equal(JsonValueKind.Null, result.GetProperty("deleted").ValueKind);
        Assert.Equal("NoSuchEntity", result.GetProperty("deviceGone").GetProperty("code").GetString());
        var created = sandbox.Trail.All(account).Single(e => e.EventName == "CreateServiceSpecificCredential");
        Assert.DoesNotContain("ervicePassword", created.Json, StringComparison.Ordinal);
        Assert.Contains("codecommit.amazonaws.com", created.Json, StringComparison.Ordinal);
    }
}

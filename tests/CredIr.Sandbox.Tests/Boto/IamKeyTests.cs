using CredIr.Sandbox.Tests.Support;

namespace CredIr.Sandbox.Tests.Boto;

public sealed class IamKeyTests
{
    [Fact]
    public async Task CreatedKey_UsedThenDeactivatedThenDeleted_IsRefusedLikeAws()
    {
        await using var sandbox = await ShippedScenarios.StartAsync();

        var result = await Boto3.RunAsync("iam_keys.py", Boto3.Input(sandbox, sandbox.Accounts[0].AdminCredentials));

        var account = sandbox.Accounts[0].AccountId;
        Assert.Equal($"arn:aws:iam::{account}:user/tester", result.GetProperty("newKeyArn").GetString());
        Assert.Contains("tester", result.GetProperty("newKeyListUsers").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("DeleteConflict", result.GetProperty("deleteUserWithKey").GetProperty("code").GetString());
        Assert.Equal(409, result.GetProperty("deleteUserWithKey").GetProperty("status").GetInt32());
        Assert.Equal(["Inactive"], result.GetProperty("listedStatus").EnumerateArray().Select(e => e.GetString()));
        foreach (var refused in new[] { "inactive", "deleted", "unknown" })
        {
            var error = result.GetProperty(refused);
            Assert.Equal("InvalidClientTokenId", error.GetProperty("code").GetString());
            Assert.Equal("The security token included in the request is invalid.", error.GetProperty("message").GetString());
            Assert.Equal(403, error.GetProperty("status").GetInt32());
        }

        Assert.Equal($"arn:aws:iam::{account}:user/tester", result.GetProperty("reactivated").GetString());
        Assert.Equal("sts", result.GetProperty("lastUsedService").GetString());
        Assert.Equal($"arn:aws:iam::{account}:user/tester", result.GetProperty("sessionTokenArn").GetString());
        Assert.Equal("AccessDenied", result.GetProperty("sessionTokenFromSession").GetProperty("code").GetString());
        Assert.Equal($"arn:aws:sts::{account}:federated-user/contractor", result.GetProperty("federatedArn").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, result.GetProperty("federatedList").ValueKind);
        Assert.Equal($"User: arn:aws:sts::{account}:federated-user/contractor is not authorized to perform: iam:CreateUser on resource: arn:aws:iam::{account}:user/contractor-made because no session policy allows the iam:CreateUser action",
            result.GetProperty("federatedCreate").GetProperty("message").GetString());
        Assert.Equal("SignatureDoesNotMatch", result.GetProperty("badSignature").GetProperty("code").GetString());
        Assert.Equal("NoSuchEntity", result.GetProperty("afterDelete").GetProperty("code").GetString());
    }
}

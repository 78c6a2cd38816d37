using CredIr.Sandbox.Tests.Support;

namespace CredIr.Sandbox.Tests.Boto;

public sealed class ResponderOperationTests
{
    [Fact]
    public async Task PolicyEntities_InstanceProfileAssociations_AndMfaDeactivation_WorkThroughBotocore()
    {
        await using var sandbox = await ShippedScenarios.StartAsync(ShippedScenarios.MultiAccountOrg);
        var (management, prod) = (sandbox.Accounts[0], sandbox.Accounts[1]);

        var result = await Boto3.RunAsync("responder_ops.py", Boto3.Input(sandbox, management.AdminCredentials, new
        {
            policyArn = $"arn:aws:iam::{prod.AccountId}:policy/app-server-s3",
            prod = new { accessKeyId = prod.AdminAccessKeyId, secretAccessKey = prod.AdminSecretAccessKey },
            management = new { accessKeyId = management.AdminAccessKeyId, secretAccessKey = management.AdminSecretAccessKey },
        }));

        Assert.Equal(["app-server"], result.GetProperty("policyRoles").EnumerateArray().Select(e => e.GetString()));
        Assert.Empty(result.GetProperty("policyUsers").EnumerateArray());
        var association = Assert.Single(result.GetProperty("associations").EnumerateArray());
        Assert.Equal($"arn:aws:iam::{prod.AccountId}:instance-profile/app-server-profile", association.GetProperty("profile").GetString());
        Assert.Equal("associated", association.GetProperty("state").GetString());
        Assert.StartsWith("i-", association.GetProperty("instance").GetString(), StringComparison.Ordinal);
        Assert.Equal([$"arn:aws:iam::{management.AccountId}:mfa/carol"], result.GetProperty("mfaBefore").EnumerateArray().Select(e => e.GetString()));
        Assert.Empty(result.GetProperty("mfaAfter").EnumerateArray());
    }
}

using CredIr.Sandbox.Tests.Support;

namespace CredIr.Sandbox.Tests.Boto;

/// <summary>
/// IAM is eventually consistent: AWS documents that a change may take a few seconds to apply everywhere, so a leaked
/// key can still succeed just after it was set Inactive. With a propagation delay the sandbox shows that window.
/// </summary>
public sealed class IamPropagationTests
{
    [Fact]
    public async Task KeySetInactive_WithAPropagationDelay_WorksUntilTheDelayHasPassedThenIsRefused()
    {
        await using var sandbox = await ShippedScenarios.StartAsync();
        sandbox.IamPropagationDelay = TimeSpan.FromMinutes(10);
        var admin = sandbox.Accounts[0].AdminCredentials;

        var first = await Boto3.RunAsync("iam_propagation.py", Boto3.Input(sandbox, admin, new { step = "deactivate" }));
        sandbox.Clock.Advance(TimeSpan.FromMinutes(10) + TimeSpan.FromSeconds(1));
        var key = first.GetProperty("key");
        var later = await Boto3.RunAsync("iam_propagation.py", Boto3.Input(sandbox, admin, new { step = "later", id = key.GetProperty("id").GetString(), secret = key.GetProperty("secret").GetString() }));

        Assert.Equal(["Inactive"], first.GetProperty("listedStatus").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal($"arn:aws:iam::{sandbox.Accounts[0].AccountId}:user/slow-to-stop", first.GetProperty("justAfter").GetString());
        Assert.Equal("InvalidClientTokenId", later.GetProperty("later").GetProperty("code").GetString());
    }
}

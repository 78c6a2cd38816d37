using System.Text.Json.Nodes;
using CredIr.Sandbox.Tests.Support;

namespace CredIr.Sandbox.Tests.Services;

public sealed class AssumeRoleTrustTests
{
    [Fact]
    public async Task TrustPolicyRequiringExternalId_RefusesWithoutItAndAllowsWithIt()
    {
        await using var sandbox = await ShippedScenarios.StartAsync();
        var admin = sandbox.Accounts[0].AdminCredentials;
        var account = sandbox.Accounts[0].AccountId;
        var trust = new JsonObject
        {
            ["Version"] = "2012-10-17",
            ["Statement"] = new JsonArray(new JsonObject
            {
                ["Effect"] = "Allow",
                ["Principal"] = new JsonObject { ["AWS"] = $"arn:aws:iam::{account}:root" },
                ["Action"] = "sts:AssumeRole",
                ["Condition"] = new JsonObject { ["StringEquals"] = new JsonObject { ["sts:ExternalId"] = "vendor-42" } },
            }),
        };
        var (created, _) = await RawClient.SendAsync(sandbox, admin, "iam", "CreateRole", new JsonObject { ["RoleName"] = "vendor", ["AssumeRolePolicyDocument"] = trust });
        var roleArn = $"arn:aws:iam::{account}:role/vendor";

        var (without, withoutBody) = await RawClient.SendAsync(sandbox, admin, "sts", "AssumeRole", new JsonObject { ["RoleArn"] = roleArn, ["RoleSessionName"] = "s1" });
        var (with, _) = await RawClient.SendAsync(sandbox, admin, "sts", "AssumeRole", new JsonObject { ["RoleArn"] = roleArn, ["RoleSessionName"] = "s2", ["ExternalId"] = "vendor-42" });

        Assert.Equal(200, created);
        Assert.Equal(403, without);
        Assert.Contains("<Code>AccessDenied</Code>", withoutBody, StringComparison.Ordinal);
        Assert.Equal(200, with);
    }
}

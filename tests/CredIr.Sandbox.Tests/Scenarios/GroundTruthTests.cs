using System.Text.Json.Nodes;
using CredIr.Sandbox.Tests.Support;

namespace CredIr.Sandbox.Tests.Scenarios;

/// <summary>The shipped scenarios' ground truth (what other tests assert against) matches the history they generate.</summary>
public sealed class GroundTruthTests
{
    [Fact]
    public async Task SingleAccountKeyLeak_ActorEvents_AreExactlyThoseOfTheLeakedAndDerivedKeys()
    {
        await using var sandbox = await ShippedScenarios.StartAsync(ShippedScenarios.SingleAccountKeyLeak);
        var truth = sandbox.Scenario.GroundTruth!;
        var keys = new HashSet<string>(Keys(truth)) { truth["leakedAccessKeyId"]!.GetValue<string>() };

        var all = sandbox.Trail.All();
        var management = all.Where(e => e.ManagementEvent && e.AccessKeyId is { } k && keys.Contains(k)).ToList();
        var data = all.Where(e => !e.ManagementEvent && e.AccessKeyId is { } k && keys.Contains(k)).ToList();

        Assert.Equal(truth["actorManagementEvents"]!.GetValue<int>(), management.Count);
        Assert.Equal(truth["actorDataEvents"]!.GetValue<int>(), data.Count);
        Assert.All(management.Concat(data), e => Assert.Contains("\"sourceIPAddress\":\"203.0.113.50\"", e.Json, StringComparison.Ordinal));
        Assert.Equal(sandbox.Scenario.Steps.Count(s => s.Actor), management.Count + data.Count);
        Assert.Equal("AKIA5BACKUPSVCPERSI7", sandbox.Credentials("$create-key").AccessKeyId);
    }

    [Fact]
    public async Task MultiAccountOrg_DerivedCredentials_AreUsedInTheAccountsTheTruthNames()
    {
        await using var sandbox = await ShippedScenarios.StartAsync(ShippedScenarios.MultiAccountOrg);
        var truth = sandbox.Scenario.GroundTruth!;

        foreach (var derived in truth["derivedCredentials"]!.AsArray().OfType<JsonObject>())
        {
            var key = derived["accessKeyId"]!.GetValue<string>();
            var account = derived["account"]!.GetValue<string>();
            Assert.Contains(sandbox.Trail.All(account), e => e.AccessKeyId == key);
        }

        Assert.Equal("ASIA7MAINTPRODSESS01", sandbox.Credentials("$maint-assume").AccessKeyId);
        Assert.Equal("ASIA7INSTANCEROLE002", sandbox.Credentials("$prod-run-instance").AccessKeyId);
        var prod = sandbox.Accounts[1].AccountId;
        Assert.Contains(sandbox.Trail.All(prod), e => e.EventName == "RunInstances" && e.Region == "us-west-2" && e.Json.Contains("passedRoleArn", StringComparison.Ordinal));
        Assert.Contains(sandbox.Trail.All(prod), e => e.EventName == "CreateFunction20150331" && e.Region == "eu-west-1");
        Assert.Contains(sandbox.Trail.All(), e => e.EventName == "DeleteObject" && e.AccessKeyId == "ASIA7MAINTPRODSESS01");
    }

    private static IEnumerable<string> Keys(JsonObject truth) =>
        truth["derivedCredentials"]!.AsArray().OfType<JsonObject>().Select(d => d["accessKeyId"]?.GetValue<string>()).OfType<string>();
}

using System.Text.Json.Nodes;
using CredIr.HuaweiCloud.Cts;
using CredIr.HuaweiCloud.Tests.Support;
using CredIr.Sandbox.Huawei;
using CredIr.Sandbox.Scenarios;

namespace CredIr.HuaweiCloud.Tests.Scenario;

public sealed class HuaweiAkLeakScenarioTests : IAsyncLifetime
{
    private HuaweiSandbox _sandbox = null!;

    public async Task InitializeAsync() => _sandbox = await HuaweiSandbox.StartAsync();

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    [Fact]
    public async Task Trail_EveryActorCredential_ShowsExactlyTheGroundTruthsCalls()
    {
        var cts = _sandbox.Cts();
        var truth = _sandbox.Cloud.Scenario.GroundTruth!;

        foreach (var expected in truth["actorCalls"]!.AsArray())
        {
            var region = expected!["region"]?.ToString() ?? HuaweiSandbox.HomeRegion;
            var query = new CtsTraceQuery { From = DateTimeOffset.UtcNow.AddDays(-1), To = DateTimeOffset.UtcNow.AddMinutes(1), AccessKeyId = expected["accessKey"]!.ToString(), Limit = 200 };
            var traces = await cts.ListAllTracesAsync(region, _sandbox.Cloud.ProjectId(region), query, CancellationToken.None).ToListAsync();

            Assert.Equal(expected["traceNames"]!.AsArray().Select(static n => n!.ToString()), traces.AsEnumerable().Reverse().Select(static t => t.TraceName));
            Assert.All(traces, t => Assert.Contains(t.SourceIp, truth["actorIps"]!.AsArray().Select(static ip => ip!.ToString())));
        }
    }

    [Fact]
    public async Task Account_AfterTheAttack_HoldsTheActorsUserKeyAndWidenedPolicy()
    {
        var iam = _sandbox.Iam();

        var backup = await iam.GetUserAsync(_sandbox.Cloud.UserId("ops-backup"), CancellationToken.None);
        var key = await iam.GetAccessKeyAsync(HuaweiSandbox.PersistenceKey, CancellationToken.None);
        var widened = _sandbox.Cloud.Traces(HuaweiSandbox.HomeRegion).Single(static t => t["trace_name"]!.ToString() == "updateRole" && t["user"]!["access_key_id"]!.ToString() == HuaweiSandbox.LeakedKey);

        Assert.True(backup.Enabled);
        Assert.Equal(backup.Id, key.UserId);
        Assert.Contains("*:*:*", widened["request"]!.ToString(), StringComparison.Ordinal);
        Assert.Equal("ci-deploy-obs", widened["resource_name"]!.ToString());
    }

    [Fact]
    public async Task AssumedAgency_ByThePersistenceKey_ItsTemporaryKeyIsADerivedCredential()
    {
        var assumed = _sandbox.Cloud.Credentials("$assume-agency");

        var trace = _sandbox.Cloud.Traces(HuaweiSandbox.HomeRegion).Single(static t => t["trace_name"]!.ToString() == "assumeRole");

        Assert.NotNull(assumed.SessionToken);
        Assert.Equal(HuaweiSandbox.PersistenceKey, trace["user"]!["access_key_id"]!.ToString());
        Assert.Equal("ops-readonly-agency", trace["resource_name"]!.ToString());
        Assert.Contains(assumed.AccessKeyId, trace["response"]!.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(assumed.SessionToken, trace["response"]!.ToString(), StringComparison.Ordinal);
        Assert.NotEmpty(await _sandbox.Iam(new HuaweiCredentials(assumed.AccessKeyId, assumed.SecretAccessKey, assumed.SessionToken)).ListProjectsAsync(null, CancellationToken.None));
    }

    [Fact]
    public async Task Start_StepNamingAnUnknownUser_FailsNamingTheStep()
    {
        var scenario = HuaweiScenarioLoader.Load(HuaweiSandbox.ScenarioPath);
        var broken = scenario with
        {
            Steps = [new HuaweiScenarioStep { Id = "probe", At = "-1h", As = "alice", Service = "iam", Path = "/v3.0/OS-USER/users/{user:nobody}" }],
        };

        var failure = await Assert.ThrowsAsync<ScenarioException>(() =>
            Sandbox.SandboxHost.StartAsync(new Sandbox.SandboxOptions { Port = 0, HuaweiScenario = broken }, CancellationToken.None));

        Assert.Contains("steps[0] (id probe)", failure.Message, StringComparison.Ordinal);
        Assert.Contains("{user:nobody}", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_StepRefusedUnexpectedly_FailsWithHuaweisErrorCode()
    {
        var scenario = HuaweiScenarioLoader.Load(HuaweiSandbox.ScenarioPath);
        var broken = scenario with
        {
            Steps = [new HuaweiScenarioStep { At = "-1h", As = "alice", Service = "iam", Method = "POST", Path = "/v3.0/OS-USER/users", Body = new JsonObject { ["user"] = new JsonObject { ["name"] = "alice" } } }],
        };

        var failure = await Assert.ThrowsAsync<ScenarioException>(() =>
            Sandbox.SandboxHost.StartAsync(new Sandbox.SandboxOptions { Port = 0, HuaweiScenario = broken }, CancellationToken.None));

        Assert.Contains("steps[0]", failure.Message, StringComparison.Ordinal);
        Assert.Contains("1109", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Loader_AccessKeyOfTheWrongShape_FailsNamingTheField()
    {
        var path = Path.Combine(Path.GetTempPath(), $"huawei-bad-{Guid.NewGuid():N}.json");
        var json = JsonNode.Parse(File.ReadAllText(HuaweiSandbox.ScenarioPath))!;
        json["users"]![1]!["accessKeys"]![0]!["id"] = "akia-lowercase";
        File.WriteAllText(path, json.ToJsonString());
        try
        {
            var failure = Assert.Throws<ScenarioException>(() => HuaweiScenarioLoader.Load(path));

            Assert.Contains("users (alice).accessKeys (akia-lowercase).id", failure.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }
}

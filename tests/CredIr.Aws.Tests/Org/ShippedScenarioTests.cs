using CredIr.Aws.Tests.Support;
using CredIr.Sandbox;

namespace CredIr.Aws.Tests.Org;

/// <summary>The playbook's cloud work against the sandbox's shipped scenarios, at AWS's LookupEvents rate.</summary>
public sealed class ShippedScenarioTests
{
    private static string ScenarioPath(string name) => Path.Combine(AppContext.BaseDirectory, "scenarios", name);

    [Fact]
    public async Task MultiAccountOrg_EnterAll_ReachesEveryAccountAndFindsTheDerivedSessionInProd()
    {
        await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions { Port = 0, ScenarioPath = ScenarioPath("multi-account-org.json") }, CancellationToken.None);
        using var clients = SandboxClients.Create(sandbox, o => o.MaxAttempts = 6);
        using var sessions = new OrganizationSessions(clients.Admin("111111111111"), "INC-multi-1");

        var report = await sessions.EnterAllAsync();
        var prod = report.Entered.Single(s => s.AccountId == "222222222222");
        var request = new LookupEventsRequest
        {
            LookupAttributes = [new LookupAttribute(LookupAttributeKey.AccessKeyId, "ASIA7MAINTPRODSESS01")],
            StartTime = DateTimeOffset.UtcNow.AddDays(-1),
            EndTime = DateTimeOffset.UtcNow.AddMinutes(5),
        };
        var events = await prod.Scope.CloudTrail.LookupEventsAsync(request).ToListAsync();

        Assert.Equal(["111111111111", "222222222222", "333333333333"], report.Entered.Select(s => s.AccountId));
        Assert.Empty(report.NotEntered);
        Assert.Equal("acme-prod", prod.AccountName);
        Assert.NotEmpty(events);
        Assert.All(events, e => Assert.Equal("ASIA7MAINTPRODSESS01", e.AccessKeyId));
    }

    [Fact]
    public async Task SingleAccountKeyLeak_LookupByLeakedKey_ShowsThePersistenceCalls()
    {
        await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions { Port = 0, ScenarioPath = ScenarioPath("single-account-key-leak.json") }, CancellationToken.None);
        using var clients = SandboxClients.Create(sandbox, o => o.MaxAttempts = 6);
        var admin = clients.Admin("111122223333");

        var owner = await admin.Sts.GetAccessKeyInfoAsync(new GetAccessKeyInfoRequest("AKIA4CIDEPLOYLEAKED5"));
        var names = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var page in admin.CloudTrail.LookupEventsPagesAsync(new LookupEventsRequest
        {
            LookupAttributes = [new LookupAttribute(LookupAttributeKey.AccessKeyId, "AKIA4CIDEPLOYLEAKED5")],
            StartTime = DateTimeOffset.UtcNow.AddDays(-1),
            EndTime = DateTimeOffset.UtcNow.AddMinutes(5),
            MaxResults = 5,
        }))
        {
            names.UnionWith(page.Events.Select(e => e.EventName));
        }

        var keys = await admin.Iam.ListAccessKeysAsync(new ListAccessKeysRequest("backup-svc")).ToListAsync();

        Assert.Equal("111122223333", owner.Account);
        Assert.Superset(new HashSet<string> { "CreateUser", "CreateAccessKey", "AttachUserPolicy" }, names);
        Assert.Contains(keys, k => k.AccessKeyId == "AKIA5BACKUPSVCPERSI7");
    }
}

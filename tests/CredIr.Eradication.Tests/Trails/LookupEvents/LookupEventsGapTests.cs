using CredIr.Eradication.Trails;
using CredIr.Eradication.Trails.LookupEvents;
using Microsoft.Extensions.Logging.Abstractions;

namespace CredIr.Eradication.Tests.Trails.LookupEvents;

public sealed class LookupEventsGapTests
{
    [Fact]
    public async Task AccountThatCannotBeEntered_IsAFailedUnitGap_AndTheOtherAccountsAreStillRead()
    {
        await using var org = await SandboxOrganization.StartAsync("multi-account-org");
        var leaked = org.GroundTruth.GetProperty("leakedAccessKeyId").GetString()!;
        var now = org.Sandbox.Clock.GetUtcNow();
        var accounts = org.Sandbox.Accounts.Select(static a => a.AccountId).Append("999999999999").ToList();
        var query = new TrailQuery { Accounts = accounts, Regions = ["us-east-1"], Since = now.AddHours(-5), Until = now.AddMinutes(1), Filter = new TrailFilter { AccessKeyIds = new HashSet<string> { leaked } } };
        using var sessions = org.Sessions();
        var source = new LookupEventsTrailSource(sessions, new LookupEventsSourceOptions(), NullLogger<LookupEventsTrailSource>.Instance);

        var items = new List<TrailItem>();
        await foreach (var item in source.QueryAsync(query, CancellationToken.None))
        {
            items.Add(item);
        }

        var gap = Assert.Single(items.OfType<TrailGapItem>(), static g => g.Gap.UnitFailed).Gap;
        Assert.Equal("999999999999", gap.AccountId);
        Assert.Contains(items.OfType<TrailRecordItem>(), static r => r.Record.EventSource == "iam.amazonaws.com");
        Assert.All(items.OfType<TrailCheckpointItem>(), static c => Assert.NotEqual("999999999999", c.Checkpoint.AccountId));
    }
}

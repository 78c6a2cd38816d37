using CredIr.Eradication.Closure;
using CredIr.Eradication.Trails;
using CredIr.Eradication.Trails.LookupEvents;
using Microsoft.Extensions.Logging.Abstractions;

namespace CredIr.Eradication.Tests.Trails.LookupEvents;

public sealed class LookupEventsEquivalenceTests
{
    [Fact]
    public async Task MultiAccountOrg_ExportedTrailAndLookupEvents_SameManagementEventsAndDerivedCredentials()
    {
        await using var org = await SandboxOrganization.StartAsync("multi-account-org");
        var leaked = org.GroundTruth.GetProperty("leakedAccessKeyId").GetString()!;
        var since = org.Sandbox.Clock.GetUtcNow().AddHours(-5);
        var request = new ClosureRequest { Credentials = [InitialCredentials.AccessKey(leaked, since)], Since = since, Until = org.Sandbox.Clock.GetUtcNow().AddMinutes(1) };
        using var folder = new TempFolder();
        await org.Sandbox.ExportTrailAsync(folder.Path, CancellationToken.None);
        using var sessions = org.Sessions();

        var fromLookup = new List<ClosureUpdate>();
        await foreach (var update in SandboxOrganization.Engine(sessions).RunAsync(request, CancellationToken.None))
        {
            fromLookup.Add(update);
        }

        var fromFiles = await Sources.RunAsync(folder.Path, request);

        Assert.Equal(ManagementEventIds(fromFiles), ManagementEventIds(fromLookup));
        Assert.NotEmpty(ManagementEventIds(fromLookup));
        Assert.Equal(Derived(fromFiles), Derived(fromLookup));
        Assert.True(Derived(fromLookup).Count >= 3);
    }

    [Fact]
    public async Task InterruptedLookup_ResumedFromItsCheckpoints_ReadsTheRestAndNothingIsLost()
    {
        await using var org = await SandboxOrganization.StartAsync("multi-account-org");
        var leaked = org.GroundTruth.GetProperty("leakedAccessKeyId").GetString()!;
        var now = org.Sandbox.Clock.GetUtcNow();
        var query = new TrailQuery { Since = now.AddHours(-5), Until = now.AddMinutes(1), Filter = new TrailFilter { AccessKeyIds = new HashSet<string> { leaked } } };
        using var sessions = org.Sessions();
        var source = new LookupEventsTrailSource(sessions, new LookupEventsSourceOptions(), NullLogger<LookupEventsTrailSource>.Instance);
        var full = (await ReadAsync(source, query, int.MaxValue)).Records;

        var (firstPart, checkpoints) = await ReadAsync(source, query, stopAfterCheckpoints: 5);
        var (rest, again) = await ReadAsync(source, query with { ResumeFrom = checkpoints }, int.MaxValue);

        Assert.NotEmpty(full);
        Assert.Equal(full.ToHashSet(), firstPart.Concat(rest).ToHashSet());
        Assert.DoesNotContain(again, c => checkpoints.Any(done => done.Done && done.Unit == c.Unit));
    }

    private static async Task<(List<string> Records, List<TrailCheckpoint> Checkpoints)> ReadAsync(LookupEventsTrailSource source, TrailQuery query, int stopAfterCheckpoints)
    {
        var records = new List<string>();
        var checkpoints = new List<TrailCheckpoint>();
        await foreach (var item in source.QueryAsync(query, CancellationToken.None))
        {
            if (item is TrailRecordItem { Record: var record })
            {
                records.Add(record.EventId);
            }
            else if (item is TrailCheckpointItem { Checkpoint: var checkpoint })
            {
                checkpoints.RemoveAll(c => c.Unit == checkpoint.Unit);
                checkpoints.Add(checkpoint);
                if (checkpoints.Count >= stopAfterCheckpoints)
                {
                    break;
                }
            }
        }

        return (records, checkpoints);
    }

    private static List<string> ManagementEventIds(List<ClosureUpdate> updates) =>
        [.. updates.OfType<EventFound>().Select(static e => e.Event.Record).Where(static r => r.ManagementEvent != false).Select(static r => r.EventId).Order(StringComparer.Ordinal)];

    private static List<string> Derived(List<ClosureUpdate> updates) =>
        [.. updates.OfType<CredentialFound>().Select(static c => c.Credential.Identity).Distinct().Order(StringComparer.Ordinal)];
}

using System.Globalization;
using System.Text.Json.Nodes;
using CredIr.Eradication.Closure;
using CredIr.Eradication.Trails;
using CredIr.Eradication.Trails.Athena;

namespace CredIr.Eradication.Tests.Trails.Athena;

/// <summary>
/// The Athena source against the sandbox's Athena over the invictus-stratus dataset: the same closure as the log
/// files give (InvictusClosureTests), one query per round, the bytes billed; failures and timeouts are gaps.
/// </summary>
public sealed class AthenaTrailSourceTests : IAsyncLifetime
{
    private const string SeedKey = "AKIATFQR7NSC8Q4X20BJ";
    private static readonly DateTimeOffset Since = new(2023, 7, 10, 11, 54, 33, TimeSpan.Zero);
    private AthenaSandbox _sandbox = null!;

    private static ClosureRequest Request => new() { Credentials = [InitialCredentials.AccessKey(SeedKey, Since)], Since = Since };

    public async Task InitializeAsync() => _sandbox = await AthenaSandbox.StartAsync(Datasets.InvictusStratus);

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    [Fact]
    public async Task Invictus_ThroughAthena_AttributesExactlyTheEventsAndCredentialsTheLogFilesGive()
    {
        var started = _sandbox.Sandbox.Athena.QueriesStarted;
        var athena = await AthenaSandbox.RunAsync(_sandbox.Source(_sandbox.Target()), Request);
        var files = await Sources.RunAsync(Datasets.InvictusStratus, Request);

        var summary = athena.OfType<ClosureCompleted>().Single().Summary;
        Assert.True(summary.Complete, string.Join("; ", summary.Gaps.Select(g => g.Reason)));
        Assert.Equal(2175, summary.EventsAttributed);
        Assert.Equal(38, summary.CredentialsDerived);
        Assert.Equal(2, summary.Rounds);
        Assert.Equal(
            files.OfType<EventFound>().Select(e => e.Event.Record.EventId).Order(StringComparer.Ordinal),
            athena.OfType<EventFound>().Select(e => e.Event.Record.EventId).Order(StringComparer.Ordinal));
        Assert.Equal(
            files.OfType<CredentialFound>().Select(c => c.Credential.Identity).Order(StringComparer.Ordinal),
            athena.OfType<CredentialFound>().Select(c => c.Credential.Identity).Order(StringComparer.Ordinal));
        var byCategory = files.OfType<ClosureCompleted>().Single().Summary.EventsByCategory;
        Assert.Equal(byCategory.OrderBy(p => p.Key), summary.EventsByCategory.OrderBy(p => p.Key));
        // One SELECT per round (the whole frontier at once), after the two DDL statements that made the table.
        Assert.Equal(2, summary.Queries);
        Assert.Equal(4, _sandbox.Sandbox.Athena.QueriesStarted - started);
        Assert.True(summary.BytesScanned > 0, "the scan reported no bytes scanned");
    }

    [Fact]
    public async Task ASecondScan_AfterNewEventsOfTheKey_FindsThemToo()
    {
        var first = (await AthenaSandbox.RunAsync(_sandbox.Source(_sandbox.Target()), Request)).OfType<ClosureCompleted>().Single().Summary;
        // Two new calls of the seed key: one in a 5-minute log file the first scan already read, one in a file of its own.
        var account = _sandbox.Sandbox.Accounts[0].AccountId;
        var call = _sandbox.Sandbox.Trail.All(account).First(e => e.AccessKeyId == SeedKey && e.ReadOnly && e.EventTime > Since);
        var later = new[] { (Id: Guid.NewGuid().ToString(), Time: call.EventTime), (Id: Guid.NewGuid().ToString(), Time: call.EventTime.AddHours(20)) };
        var file = Path.Combine(Path.GetTempPath(), "credir-athena-new-events-" + Guid.NewGuid().ToString("N") + ".json");
        try
        {
            var records = new JsonArray();
            foreach (var (id, time) in later)
            {
                var record = JsonNode.Parse(call.Json)!.AsObject();
                record["eventID"] = id;
                record["eventTime"] = time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
                records.Add(record);
            }

            await File.WriteAllTextAsync(file, records.ToJsonString());
            Assert.Equal(2, _sandbox.Sandbox.Trail.Import(account, file));
        }
        finally
        {
            File.Delete(file);
        }

        var second = await AthenaSandbox.RunAsync(_sandbox.Source(_sandbox.Target(createTable: false)), Request);

        var summary = second.OfType<ClosureCompleted>().Single().Summary;
        Assert.True(summary.Complete, string.Join("; ", summary.Gaps.Select(g => g.Reason)));
        Assert.Equal(first.EventsAttributed + 2, summary.EventsAttributed);
        var found = second.OfType<EventFound>().Select(e => e.Event.Record.EventId).ToHashSet(StringComparer.Ordinal);
        Assert.All(later, e => Assert.Contains(e.Id, found));
    }

    [Fact]
    public async Task ATableThatDoesNotExist_EndsTheQueryFailed_AndTheScanIsIncomplete_WithTheReason()
    {
        var updates = await AthenaSandbox.RunAsync(_sandbox.Source(_sandbox.Target(createTable: false, table: "no_such_table")), Request);

        var summary = updates.OfType<ClosureCompleted>().Single().Summary;
        Assert.False(summary.Complete);
        Assert.Equal(0, summary.EventsAttributed);
        var gap = Assert.Single(summary.Gaps, g => g.UnitFailed);
        Assert.Equal("FAILED", gap.ErrorCode);
        Assert.Contains("does not exist", gap.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AQueryStillRunningAfterTheTimeout_IsStopped_AndReportedAsAGap()
    {
        var options = new AthenaSourceOptions { PollInterval = TimeSpan.FromMilliseconds(10), MaxPollInterval = TimeSpan.FromMilliseconds(20), QueryTimeout = TimeSpan.FromMilliseconds(200) };
        using (_sandbox.Sandbox.Athena.HoldQueries("primary"))
        {
            var updates = await AthenaSandbox.RunAsync(_sandbox.Source(_sandbox.Target(createTable: false), options), Request);

            var gap = Assert.Single(updates.OfType<ClosureCompleted>().Single().Summary.Gaps, g => g.UnitFailed);
            Assert.Equal("TIMEOUT", gap.ErrorCode);
            var id = gap.Reason.Split(' ')[3];
            var execution = (await _sandbox.Admin.Athena.GetQueryExecutionAsync(new Aws.GetQueryExecutionRequest(id))).QueryExecution;
            Assert.Equal("CANCELLED", execution.State);
        }
    }
}

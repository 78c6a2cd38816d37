using CredIr.Eradication.Trails;
using static CredIr.Eradication.Tests.TrailJson;

namespace CredIr.Eradication.Tests.Trails;

public sealed class LogFileTrailSourceTests : IDisposable
{
    private const string Key = "AKIAALICE00000000001";
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private static TrailQuery Query(TrailFilter? filter = null, int fromMinute = 0, int toMinute = 600) => new()
    {
        Since = T0.AddMinutes(fromMinute),
        Until = T0.AddMinutes(toMinute),
        Filter = filter ?? TrailFilter.All,
    };

    private async Task<List<TrailItem>> ReadAsync(TrailQuery query, int parallelism = 2)
    {
        var items = new List<TrailItem>();
        await foreach (var item in Sources.LogFiles(_folder.Path, parallelism).QueryAsync(query, CancellationToken.None))
        {
            items.Add(item);
        }

        return items;
    }

    private static string Alice(int minute, string name = "ListUsers") =>
        File(Record(minute, User("111111111111", "alice", Key), "iam.amazonaws.com", name, readOnly: true));

    [Fact]
    public async Task GzipAndPlainFiles_InNestedFolders_AreAllRead()
    {
        _folder.Write("AWSLogs/111111111111/CloudTrail/us-east-1/2024/01/01/111111111111_CloudTrail_us-east-1_20240101T0010Z_a.json.gz", Alice(1));
        _folder.Write("deep/er/b.json", Alice(2));
        _folder.Write("c.json", "[" + Record(3, User("111111111111", "alice", Key), "iam.amazonaws.com", "GetUser", readOnly: true).ToJsonString() + "]");
        _folder.Write("notes.txt", "not a log file");

        var items = await ReadAsync(Query());

        Assert.Equal(["GetUser", "ListUsers", "ListUsers"], items.OfType<TrailRecordItem>().Select(r => r.Record.EventName).Order(StringComparer.Ordinal));
        Assert.Equal(3, items.OfType<TrailCheckpointItem>().Count(c => c.Checkpoint.Done));
        Assert.Equal(3, items.OfType<TrailProgressItem>().Max(p => p.UnitsDone));
    }

    [Fact]
    public async Task CorruptFile_IsAGap_AndTheOthersAreStillRead()
    {
        _folder.Write("good.json", Alice(1));
        System.IO.File.WriteAllBytes(Path.Combine(_folder.Path, "bad.json.gz"), [0x1f, 0x8b, 0x08, 0x00, 0x01, 0x02]);
        _folder.Write("truncated.json", """{"Records":[{"eventID":"x","eventName":"Cre""");

        var items = await ReadAsync(Query());

        Assert.Single(items.OfType<TrailRecordItem>());
        var failed = items.OfType<TrailGapItem>().Where(g => g.Gap.UnitFailed).Select(g => g.Gap.Reason).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(2, failed.Count);
        Assert.StartsWith("log file bad.json.gz could not be read", failed[0], StringComparison.Ordinal);
        Assert.StartsWith("log file truncated.json could not be read", failed[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Coverage_IsAlwaysReportedAsAGap()
    {
        _folder.Write("a.json", Alice(1));

        var items = await ReadAsync(Query());

        Assert.Contains(items.OfType<TrailGapItem>(), g => !g.Gap.UnitFailed && g.Gap.Reason.Contains("data events", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Resume_FilesCheckpointedDone_AreNotReadAgain()
    {
        _folder.Write("a.json", Alice(1, "ListUsers"));
        _folder.Write("b.json", Alice(2, "ListRoles"));
        var first = await ReadAsync(Query());
        var doneA = first.OfType<TrailCheckpointItem>().Single(c => c.Checkpoint.Unit == "a.json").Checkpoint;

        var resumed = await ReadAsync(Query() with { ResumeFrom = [doneA] });

        Assert.Equal("ListRoles", Assert.Single(resumed.OfType<TrailRecordItem>()).Record.EventName);
    }

    [Fact]
    public async Task TimeWindow_AndFilter_SelectRecords()
    {
        _folder.Write("a.json", File(
            Record(1, User("111111111111", "alice", Key), "iam.amazonaws.com", "Early", readOnly: true),
            Record(5, User("111111111111", "alice", Key), "iam.amazonaws.com", "Inside", readOnly: true),
            Record(5, User("111111111111", "bob", "AKIABOB0000000000002"), "iam.amazonaws.com", "Bobs", readOnly: true),
            Record(50, User("111111111111", "alice", Key), "iam.amazonaws.com", "Late", readOnly: true)));

        var items = await ReadAsync(Query(new TrailFilter { AccessKeyIds = new HashSet<string> { Key } }, fromMinute: 2, toMinute: 10));

        Assert.Equal("Inside", Assert.Single(items.OfType<TrailRecordItem>()).Record.EventName);
    }

    [Fact]
    public async Task Layout_PrunesOtherAccountsRegionsAndFilesDeliveredBeforeSince()
    {
        _folder.Write("AWSLogs/111111111111/CloudTrail/us-east-1/2024/01/01/111111111111_CloudTrail_us-east-1_20240101T0100Z_a.json", Alice(30, "Kept"));
        // Same records, but the path says another account, another region, or a delivery before the window: never opened.
        _folder.Write("AWSLogs/222222222222/CloudTrail/us-east-1/2024/01/01/222222222222_CloudTrail_us-east-1_20240101T0100Z_b.json", Alice(30, "OtherAccount"));
        _folder.Write("AWSLogs/111111111111/CloudTrail/eu-west-1/2024/01/01/111111111111_CloudTrail_eu-west-1_20240101T0100Z_c.json", Alice(30, "OtherRegion"));
        _folder.Write("AWSLogs/111111111111/CloudTrail/us-east-1/2024/01/01/111111111111_CloudTrail_us-east-1_20240101T0005Z_d.json", Alice(30, "DeliveredEarly"));

        var items = await ReadAsync(Query(fromMinute: 10) with { Accounts = ["111111111111"], Regions = ["us-east-1", "ap-south-1"] });

        Assert.Equal("Kept", Assert.Single(items.OfType<TrailRecordItem>()).Record.EventName);
        Assert.Equal(1, items.OfType<TrailProgressItem>().Max(p => p.UnitsTotal));
        Assert.Contains(items.OfType<TrailGapItem>(), g => g.Gap.Region == "ap-south-1");
    }

    [Fact]
    public async Task InvictusFolder_WholeDataset_ReadsEveryRecord_OnOneOrManyCores()
    {
        var one = new List<TrailItem>();
        await foreach (var item in Sources.LogFiles(Datasets.InvictusStratus, 1).QueryAsync(Query() with { Since = DateTimeOffset.MinValue, Until = DateTimeOffset.MaxValue }, CancellationToken.None))
        {
            one.Add(item);
        }

        var many = new List<TrailItem>();
        await foreach (var item in Sources.LogFiles(Datasets.InvictusStratus, 4).QueryAsync(Query() with { Since = DateTimeOffset.MinValue, Until = DateTimeOffset.MaxValue }, CancellationToken.None))
        {
            many.Add(item);
        }

        Assert.Equal(2900, one.OfType<TrailRecordItem>().Count());
        Assert.Equal(
            one.OfType<TrailRecordItem>().Select(r => r.Record.EventId).Order(StringComparer.Ordinal),
            many.OfType<TrailRecordItem>().Select(r => r.Record.EventId).Order(StringComparer.Ordinal));
        Assert.Equal(2900, many.OfType<TrailProgressItem>().Max(p => p.RecordsRead));
    }

    [Fact]
    public async Task Cancellation_StopsTheReaders()
    {
        for (var i = 0; i < 20; i++)
        {
            _folder.Write($"f{i}.json", Alice(1));
        }

        using var cts = new CancellationTokenSource();
        var read = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var item in Sources.LogFiles(_folder.Path, 2).QueryAsync(Query(), cts.Token))
            {
                if (item is TrailRecordItem && ++read == 3)
                {
                    await cts.CancelAsync();
                }
            }
        });
        Assert.Equal(3, read);
    }
}

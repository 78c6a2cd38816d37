using System.IO.Compression;
using System.Text.Json;
using System.Text.RegularExpressions;
using CredIr.Sandbox.Scenarios;
using CredIr.Sandbox.Tests.Support;

namespace CredIr.Sandbox.Tests.Trail;

public sealed partial class ExportImportTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "credir-sandbox-" + Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Export_WritesS3LogLayout_WithDataEventsThatLookupNeverShows()
    {
        await using var sandbox = await ShippedScenarios.StartAsync(ShippedScenarios.SingleAccountKeyLeak);
        var account = sandbox.Accounts[0].AccountId;

        var files = await sandbox.ExportTrailAsync(_directory, CancellationToken.None);

        Assert.NotEmpty(files);
        Assert.All(files, f => Assert.Matches(LogPath(), Path.GetRelativePath(_directory, f).Replace('\\', '/')));
        var records = files.SelectMany(Records).ToList();
        var reads = records.Where(r => r.Str("eventName") == "GetObject" && r.Str("requestParameters", "bucketName") == "acme-prod-customer-data").ToList();
        Assert.Equal(2, reads.Count);
        Assert.All(reads, r => Assert.Equal("Data", r.Str("eventCategory")));
        Assert.All(reads, r => Assert.Equal("AKIA5BACKUPSVCPERSI7", r.Str("userIdentity", "accessKeyId")));
        Assert.DoesNotContain(sandbox.Trail.All(account), e => e.EventName == "GetObject");
        Assert.Equal(sandbox.Trail.All(account).Count, records.Count(r => r.Str("managementEvent") == "True" || r.Str("managementEvent") == "true"));
    }

    [Fact]
    public async Task ExportedFiles_ImportedIntoAnotherSandbox_AreFoundByLookupAgain()
    {
        string account;
        List<string> expected;
        await using (var source = await ShippedScenarios.StartAsync(ShippedScenarios.SingleAccountKeyLeak))
        {
            account = source.Accounts[0].AccountId;
            expected = source.Trail.All(account).Select(e => e.EventId).Order().ToList();
            await source.ExportTrailAsync(_directory, CancellationToken.None);
        }

        var scenario = new Scenario
        {
            Organization = new ScenarioOrganization { Accounts = [new ScenarioAccount { Id = account, Name = "replay", Management = true }] },
            Imports = [new ScenarioImport { Path = _directory, NewestAt = "-1h" }],
        };
        await using var replay = await SandboxHost.StartAsync(new SandboxOptions { Scenario = scenario }, CancellationToken.None);

        var imported = replay.Trail.All(account);
        Assert.Equal(expected, imported.Where(e => e.ManagementEvent).Select(e => e.EventId).Order());
        var newest = imported.Max(e => e.EventTime);
        Assert.InRange(newest, replay.Clock.GetUtcNow().AddHours(-1).AddMinutes(-1), replay.Clock.GetUtcNow().AddHours(-1));
    }

    [Fact]
    public async Task Import_BareJsonArrayFile_LandsInTheNamedAccount()
    {
        Directory.CreateDirectory(_directory);
        var file = Path.Combine(_directory, "events.json");
        await File.WriteAllTextAsync(file, """
            [{"eventVersion":"1.08","userIdentity":{"type":"IAMUser","arn":"arn:aws:iam::444455556666:user/zed","userName":"zed","accessKeyId":"AKIAZEDZEDZEDZEDZED1"},
              "eventTime":"2023-07-10T12:00:00Z","eventSource":"iam.amazonaws.com","eventName":"ListUsers","awsRegion":"us-east-1",
              "eventID":"11111111-2222-3333-4444-555555555555","readOnly":true,"managementEvent":true}]
            """);
        var scenario = new Scenario
        {
            Organization = new ScenarioOrganization { Accounts = [new ScenarioAccount { Id = "444455556666", Name = "imported", Management = true }] },
            Imports = [new ScenarioImport { Path = file, NewestAt = "-2h" }],
        };

        await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions { Scenario = scenario }, CancellationToken.None);

        var e = Assert.Single(sandbox.Trail.All("444455556666"));
        Assert.Equal(("ListUsers", "zed", "AKIAZEDZEDZEDZEDZED1"), (e.EventName, e.Username, e.AccessKeyId));
    }

    [Fact]
    public async Task Export_BusyFiveMinutes_IsSplitIntoFilesUnder8MBOfJson_WithEveryRecordOnce()
    {
        await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions { Port = 0 }, CancellationToken.None);
        var account = sandbox.Accounts[0].AccountId;
        var padding = new string('x', 10_000);
        var ids = Enumerable.Range(0, 1_200).Select(i => $"00000000-0000-0000-0000-{i:D12}").ToList();
        Directory.CreateDirectory(_directory);
        var input = Path.Combine(_directory, "busy.json");
        await File.WriteAllTextAsync(input, "[" + string.Join(',', ids.Select(id =>
            $$$"""{"eventTime":"2023-07-10T12:01:00Z","eventSource":"s3.amazonaws.com","eventName":"ListBuckets","awsRegion":"us-east-1","eventID":"{{{id}}}","userAgent":"{{{padding}}}","userIdentity":{"type":"IAMUser","userName":"zed","accessKeyId":"AKIAZEDZEDZEDZEDZED1"}}""")) + "]");
        sandbox.Trail.Import(account, input);
        var output = Path.Combine(_directory, "export");

        var files = await sandbox.ExportTrailAsync(output, CancellationToken.None);

        Assert.True(files.Count >= 2, $"{files.Count} file(s) for 12 MB of JSON in one 5 minutes");
        Assert.All(files, f => Assert.Matches(LogPath(), Path.GetRelativePath(output, f).Replace('\\', '/')));
        Assert.All(files, f => Assert.InRange(Records(f).Sum(r => r.GetRawText().Length), 1, 8_000_000));
        Assert.Equal(ids, files.SelectMany(Records).Select(r => r.Str("eventID")).Order(StringComparer.Ordinal));
    }

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static List<JsonElement> Records(string file)
    {
        using var gzip = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
        using var document = JsonDocument.Parse(gzip);
        return document.RootElement.GetProperty("Records").EnumerateArray().Select(r => r.Clone()).ToList();
    }

    [GeneratedRegex(@"^AWSLogs/\d{12}/CloudTrail/[a-z0-9-]+/\d{4}/\d{2}/\d{2}/\d{12}_CloudTrail_[a-z0-9-]+_\d{8}T\d{4}Z_[A-Za-z0-9]+\.json\.gz$")]
    private static partial Regex LogPath();
}

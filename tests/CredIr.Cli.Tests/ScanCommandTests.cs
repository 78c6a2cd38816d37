using System.Text.Json;
using CredIr.Sandbox;

namespace CredIr.Cli.Tests;

/// <summary>
/// credir scan over the invictus-stratus dataset (real CloudTrail files): the leaked key
/// AKIATFQR7NSC8Q4X20BJ (user bert-jan) and the sessions it made.
/// </summary>
public sealed class ScanCommandTests
{
    private const string LeakedKey = "AKIATFQR7NSC8Q4X20BJ";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Scan_JsonOutput_HasEveryDocumentedFieldWithItsType()
    {
        var result = await ScanAsync("json");

        Assert.True(result.ExitCode == 0, result.ToString());
        using var doc = JsonDocument.Parse(result.Stdout);
        var root = doc.RootElement;
        Assert.Equal(["events", "credentials", "sourceGaps"], root.EnumerateObject().Select(p => p.Name));
        var e = root.GetProperty("events")[0];
        foreach (var name in new[] { "eventId", "eventTime", "eventName", "eventSource", "accessKeyId", "accountId", "region" })
        {
            Assert.Equal(JsonValueKind.String, e.GetProperty(name).ValueKind);
        }

        Assert.Contains(e.GetProperty("errorCode").ValueKind, new[] { JsonValueKind.Null, JsonValueKind.String });
        Assert.Equal(JsonValueKind.Array, e.GetProperty("categories").ValueKind);
        var c = root.GetProperty("credentials")[0];
        foreach (var name in new[] { "accessKeyId", "kind", "principalArn", "accountId", "derivedFromAccessKeyId", "createdByEventId", "firstUsed", "lastUsed" })
        {
            Assert.Contains(c.GetProperty(name).ValueKind, new[] { JsonValueKind.Null, JsonValueKind.String });
        }

        Assert.Equal(JsonValueKind.Number, c.GetProperty("events").ValueKind);
        var gap = root.GetProperty("sourceGaps")[0];
        Assert.Equal(JsonValueKind.String, gap.GetProperty("reason").ValueKind);
        Assert.Equal(JsonValueKind.Array, gap.GetProperty("categoriesNotSeen").ValueKind);
    }

    [Fact]
    public async Task Scan_JsonOutput_ListsTheLeakedKeysKnownActionsAndItsSessions()
    {
        var result = await ScanAsync("json");

        using var doc = JsonDocument.Parse(result.Stdout);
        var events = doc.RootElement.GetProperty("events").EnumerateArray().ToList();
        var byKey = events.Where(e => e.GetProperty("accessKeyId").GetString() == LeakedKey).Select(e => e.GetProperty("eventName").GetString()).ToHashSet();
        Assert.Contains("DescribeDBInstances", byKey);
        var session = doc.RootElement.GetProperty("credentials").EnumerateArray().Single(c => c.GetProperty("accessKeyId").GetString() == "ASIATFQR7NSCWLLE7IWW");
        Assert.Equal("role_session", session.GetProperty("kind").GetString());
        Assert.Equal(LeakedKey, session.GetProperty("derivedFromAccessKeyId").GetString());
        Assert.Equal(29, session.GetProperty("events").GetInt64());
    }

    [Fact]
    public async Task Scan_JsonOutput_ListsTheStartingKeyWithNoProvenanceAndItsOwnUse()
    {
        var result = await ScanAsync("json");

        using var doc = JsonDocument.Parse(result.Stdout);
        var leaked = doc.RootElement.GetProperty("credentials").EnumerateArray().Single(c => c.GetProperty("accessKeyId").GetString() == LeakedKey);
        Assert.Equal(JsonValueKind.Null, leaked.GetProperty("derivedFromAccessKeyId").ValueKind);
        Assert.Equal("access_key", leaked.GetProperty("kind").GetString());
        Assert.EndsWith(":user/bert-jan", leaked.GetProperty("principalArn").GetString(), StringComparison.Ordinal);
        var ownEvents = doc.RootElement.GetProperty("events").EnumerateArray().Where(e => e.GetProperty("accessKeyId").GetString() == LeakedKey).ToList();
        Assert.Equal(ownEvents.Count, leaked.GetProperty("events").GetInt64());
        Assert.Equal(ownEvents.Min(e => e.GetProperty("eventTime").GetString()), leaked.GetProperty("firstUsed").GetString());
        Assert.Equal(ownEvents.Max(e => e.GetProperty("eventTime").GetString()), leaked.GetProperty("lastUsed").GetString());
    }

    [Fact]
    public async Task Scan_CsvOutput_OneRowPerEventOfTheJsonDocument()
    {
        var json = await ScanAsync("json");
        var csv = await ScanAsync("csv");

        var rows = csv.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("eventId,eventTime,eventName,eventSource,accessKeyId,accountId,region,errorCode,categories", rows[0]);
        using var doc = JsonDocument.Parse(json.Stdout);
        Assert.Equal(doc.RootElement.GetProperty("events").GetArrayLength(), rows.Length - 1);
    }

    [Fact]
    public async Task Scan_TableRedirectedWithNoColor_HasNoAnsiEscapes()
    {
        var result = await Credir.RunAsync(
            ["scan", "--access-key", LeakedKey, "--since", "2023-07-10T11:00:00Z", "--logs", Datasets.InvictusStratus],
            Timeout,
            new Dictionary<string, string> { ["NO_COLOR"] = "1" });

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains(LeakedKey, result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', result.Stdout);
        Assert.DoesNotContain('\u001b', result.Stderr);
    }

    // Without --logs the scan reads CloudTrail LookupEvents in every account and region, here the sandbox's.
    [Fact]
    public async Task Scan_LookupEventsAtAnEndpoint_FindsTheLeakedKeysCallsAndTheKeyItMade()
    {
        await using var sandbox = await SandboxHost.StartAsync(
            new SandboxOptions { Port = 0, ScenarioPath = Path.Combine(AppContext.BaseDirectory, "scenarios", "single-account-key-leak.json") },
            CancellationToken.None);
        var leaked = sandbox.Scenario.GroundTruth!["leakedAccessKeyId"]!.GetValue<string>();
        var since = IsoTime(sandbox.Clock.GetUtcNow() - TimeSpan.FromHours(3));

        var result = await Credir.RunAsync(
            ["scan", "--access-key", leaked, "--since", since, "--endpoint", sandbox.Endpoint.ToString(), "--output", "json"],
            Timeout,
            new Dictionary<string, string>
            {
                ["AWS_ACCESS_KEY_ID"] = sandbox.Accounts[0].AdminAccessKeyId,
                ["AWS_SECRET_ACCESS_KEY"] = sandbox.Accounts[0].AdminSecretAccessKey,
                ["AWS_REGION"] = "us-east-1",
            });

        Assert.True(result.ExitCode == 0, result.ToString());
        using var doc = JsonDocument.Parse(result.Stdout);
        Assert.Contains(doc.RootElement.GetProperty("events").EnumerateArray(), e => e.GetProperty("accessKeyId").GetString() == leaked);
        var derived = doc.RootElement.GetProperty("credentials").EnumerateArray().Single(c => c.GetProperty("accessKeyId").GetString() == "AKIA5BACKUPSVCPERSI7");
        Assert.Equal(leaked, derived.GetProperty("derivedFromAccessKeyId").GetString());
        // LookupEvents never returns data events: the exfiltration (S3 GetObject) is invisible to it.
        Assert.DoesNotContain(doc.RootElement.GetProperty("events").EnumerateArray(), e => e.GetProperty("eventName").GetString() == "GetObject");
    }

    // --athena: the sandbox's Athena over its own trail; the table is created over the organization trail's prefix.
    [Fact]
    public async Task Scan_ThroughAthena_FindsTheS3ExfiltrationLookupEventsCannotSee_AndReportsTheBytesScanned()
    {
        var scenario = Sandbox.Scenarios.ScenarioLoader.Load(Path.Combine(AppContext.BaseDirectory, "scenarios", "single-account-key-leak.json"));
        scenario = scenario with { Resources = scenario.Resources with { Buckets = [.. scenario.Resources.Buckets, new Sandbox.Scenarios.ScenarioBucket { Name = "athena-results" }] } };
        await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions { Port = 0, Scenario = scenario }, CancellationToken.None);
        var leaked = sandbox.Scenario.GroundTruth!["leakedAccessKeyId"]!.GetValue<string>();
        var since = IsoTime(sandbox.Clock.GetUtcNow() - TimeSpan.FromHours(3));

        var result = await Credir.RunAsync(
            ["scan", "--access-key", leaked, "--since", since, "--endpoint", sandbox.Endpoint.ToString(), "--output", "json",
             "--athena", "--athena-output", "s3://athena-results/scans/", "--athena-trail", $"s3://org-trail/AWSLogs/{sandbox.OrganizationId}/"],
            Timeout,
            new Dictionary<string, string>
            {
                ["AWS_ACCESS_KEY_ID"] = sandbox.Accounts[0].AdminAccessKeyId,
                ["AWS_SECRET_ACCESS_KEY"] = sandbox.Accounts[0].AdminSecretAccessKey,
                ["AWS_REGION"] = "us-east-1",
            });

        Assert.True(result.ExitCode == 0, result.ToString());
        using var doc = JsonDocument.Parse(result.Stdout);
        var events = doc.RootElement.GetProperty("events").EnumerateArray().ToList();
        var reads = events.Where(e => e.GetProperty("eventName").GetString() == "GetObject").ToList();
        // The ground truth's exfiltration: two objects read with the key the leaked key created.
        Assert.Equal(2, reads.Count);
        Assert.All(reads, e => Assert.Equal("AKIA5BACKUPSVCPERSI7", e.GetProperty("accessKeyId").GetString()));
        Assert.Contains(doc.RootElement.GetProperty("credentials").EnumerateArray(), c => c.GetProperty("accessKeyId").GetString() == "AKIA5BACKUPSVCPERSI7");
        Assert.Contains(events, e => e.GetProperty("accessKeyId").GetString() == leaked);
        var athena = doc.RootElement.GetProperty("athena");
        Assert.True(athena.GetProperty("queries").GetInt32() >= 2, athena.ToString());
        Assert.True(athena.GetProperty("bytesScanned").GetInt64() > 0, athena.ToString());
    }

    // --logs s3://: the trail delivered to a bucket of the sandbox's S3, read with the default credential chain.
    [Fact]
    public async Task Scan_LogFilesInS3_FindsTheS3ExfiltrationAndTheDerivedKey()
    {
        await using var sandbox = await SandboxHost.StartAsync(
            new SandboxOptions { Port = 0, ScenarioPath = Path.Combine(AppContext.BaseDirectory, "scenarios", "single-account-key-leak.json") },
            CancellationToken.None);
        await sandbox.DeliverTrailAsync("org-trail", CancellationToken.None);
        var leaked = sandbox.Scenario.GroundTruth!["leakedAccessKeyId"]!.GetValue<string>();
        var since = IsoTime(sandbox.Clock.GetUtcNow() - TimeSpan.FromHours(3));

        var result = await Credir.RunAsync(
            ["scan", "--access-key", leaked, "--since", since, "--endpoint", sandbox.Endpoint.ToString(), "--output", "json", "--logs", $"s3://org-trail/AWSLogs/{sandbox.OrganizationId}/"],
            Timeout,
            new Dictionary<string, string>
            {
                ["AWS_ACCESS_KEY_ID"] = sandbox.Accounts[0].AdminAccessKeyId,
                ["AWS_SECRET_ACCESS_KEY"] = sandbox.Accounts[0].AdminSecretAccessKey,
                ["AWS_REGION"] = "us-east-1",
            });

        Assert.True(result.ExitCode == 0, result.ToString());
        using var doc = JsonDocument.Parse(result.Stdout);
        var events = doc.RootElement.GetProperty("events").EnumerateArray().ToList();
        Assert.Equal(2, events.Count(e => e.GetProperty("eventName").GetString() == "GetObject"));
        Assert.Contains(doc.RootElement.GetProperty("credentials").EnumerateArray(), c => c.GetProperty("accessKeyId").GetString() == "AKIA5BACKUPSVCPERSI7");
    }

    [Fact]
    public async Task Scan_AthenaSettingsWithoutAthena_IsAUsageError()
    {
        var result = await Credir.RunAsync(["scan", "--access-key", LeakedKey, "--since", "2023-07-10T11:00:00Z", "--athena-output", "s3://results/"], Timeout);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--athena", result.Stderr, StringComparison.Ordinal);
    }

    private static string IsoTime(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture);

    private static Task<CliResult> ScanAsync(string output) => Credir.RunAsync(
        ["scan", "--access-key", LeakedKey, "--since", "2023-07-10T11:00:00Z", "--logs", Datasets.InvictusStratus, "--output", output],
        Timeout);
}

using System.IO.Compression;
using System.Text;
using System.Text.Json;

namespace CredIr.Cli.Tests;

/// <summary>
/// credir scan over log files an attacker or a broken copy damaged: the scan reports what it could not
/// read (file and byte offset), keeps everything it could, never crashes, and exits 3 (incomplete).
/// </summary>
public sealed class ScanDamagedLogsTests : IDisposable
{
    private const string Key = "AKIAEXAMPLEDAMAGED01";
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("credir-damaged-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task Scan_ARecordWithInvalidUtf8_IsAGapNamingFileAndOffsetAndTheOtherRecordsAreKept()
    {
        var good = Record("ListBuckets", "aws-cli/2.0");
        var bad = Encoding.UTF8.GetBytes(Record("GetCallerIdentity", "BAD_AGENT"));
        var badAgent = Encoding.UTF8.GetBytes("BAD_AGENT");
        var at = bad.AsSpan().IndexOf(badAgent);
        bad[at + 3] = 0xFF; // not a UTF-8 byte: the user agent an attacker controls
        var prefix = Encoding.UTF8.GetBytes("{\"Records\":[" + good + ",");
        var file = Path.Combine(_folder.FullName, "damaged.json");
        File.WriteAllBytes(file, [.. prefix, .. bad, .. "]}"u8.ToArray()]);

        var result = await ScanAsync();

        Assert.True(result.ExitCode == 3, result.ToString());
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(result.Stdout);
        Assert.Equal(["ListBuckets"], doc.RootElement.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("eventName").GetString()));
        var gap = Assert.Single(doc.RootElement.GetProperty("sourceGaps").EnumerateArray(), g => g.GetProperty("errorCode").GetString() == "RecordUndecodable");
        Assert.Contains("damaged.json", gap.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains($"byte {prefix.Length}", gap.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Scan_ATruncatedGzipFile_IsAGapAndExits3()
    {
        var whole = Gzip("{\"Records\":[" + Record("ListBuckets", "aws-cli/2.0") + "," + Record("ListUsers", "aws-cli/2.0") + "]}");
        File.WriteAllBytes(Path.Combine(_folder.FullName, "cut.json.gz"), whole[..(whole.Length / 2)]);

        var result = await ScanAsync();

        Assert.True(result.ExitCode == 3, result.ToString());
        using var doc = JsonDocument.Parse(result.Stdout);
        Assert.Contains(doc.RootElement.GetProperty("sourceGaps").EnumerateArray(), g => g.GetProperty("errorCode").GetString() == "LogFileUnreadable"
            && g.GetProperty("reason").GetString()!.Contains("cut.json.gz", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Scan_AFileCutInTheMiddleOfARecord_IsAGapAndExits3()
    {
        var text = "{\"Records\":[" + Record("ListBuckets", "aws-cli/2.0") + "," + Record("ListUsers", "aws-cli/2.0") + "]}";
        File.WriteAllText(Path.Combine(_folder.FullName, "cut.json"), text[..(text.Length - 40)]);

        var result = await ScanAsync();

        Assert.True(result.ExitCode == 3, result.ToString());
        using var doc = JsonDocument.Parse(result.Stdout);
        Assert.Equal(["ListBuckets"], doc.RootElement.GetProperty("events").EnumerateArray().Select(e => e.GetProperty("eventName").GetString()));
    }

    [Fact]
    public async Task Scan_AnEmptyLogFile_IsAGapAndExits3()
    {
        File.WriteAllText(Path.Combine(_folder.FullName, "good.json"), "{\"Records\":[" + Record("ListBuckets", "aws-cli/2.0") + "]}");
        File.WriteAllBytes(Path.Combine(_folder.FullName, "empty.json"), []);

        var result = await ScanAsync();

        Assert.True(result.ExitCode == 3, result.ToString());
        using var doc = JsonDocument.Parse(result.Stdout);
        Assert.Contains(doc.RootElement.GetProperty("sourceGaps").EnumerateArray(), g => g.GetProperty("reason").GetString()!.Contains("empty.json", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Scan_SeededRandomDamage_NeverCrashesAndReportsWhatItCouldNotRead()
    {
        // Eight seeded variants of one good gzip log file: bytes overwritten, cut short, or both.
        var random = new Random(24);
        var good = Gzip("{\"Records\":[" + string.Join(",", Enumerable.Range(0, 20).Select(i => Record($"ListBuckets{i}", "aws-cli/2.0"))) + "]}");
        var plain = Encoding.UTF8.GetBytes("{\"Records\":[" + Record("ListUsers", "aws-cli/2.0") + "]}");
        for (var i = 0; i < 8; i++)
        {
            var damaged = (i % 2 == 0 ? good : plain).ToArray();
            for (var flips = random.Next(1, 6); flips > 0; flips--)
            {
                damaged[random.Next(damaged.Length)] = (byte)random.Next(256);
            }

            var length = random.Next(2) == 0 ? damaged.Length : random.Next(damaged.Length);
            File.WriteAllBytes(Path.Combine(_folder.FullName, $"damaged-{i}.json{(i % 2 == 0 ? ".gz" : string.Empty)}"), damaged[..length]);
        }

        var result = await ScanAsync();

        Assert.True(result.ExitCode is 0 or 3, result.ToString());
        Assert.DoesNotContain("   at ", result.Stderr, StringComparison.Ordinal);
        using var doc = JsonDocument.Parse(result.Stdout);
        Assert.True(result.ExitCode == 0 || doc.RootElement.GetProperty("sourceGaps").GetArrayLength() > 0, result.ToString());
    }

    private Task<CliResult> ScanAsync() => Credir.RunAsync(
        ["scan", "--access-key", Key, "--since", "2024-05-01T00:00:00Z", "--until", "2024-05-02T00:00:00Z", "--logs", _folder.FullName, "--output", "json"],
        Timeout);

    private static string Record(string eventName, string userAgent) => JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["eventVersion"] = "1.08",
        ["userIdentity"] = new Dictionary<string, object>
        {
            ["type"] = "IAMUser",
            ["arn"] = "arn:aws:iam::111122223333:user/leaky",
            ["accountId"] = "111122223333",
            ["accessKeyId"] = Key,
            ["userName"] = "leaky",
        },
        ["eventTime"] = "2024-05-01T10:00:00Z",
        ["eventSource"] = "iam.amazonaws.com",
        ["eventName"] = eventName,
        ["awsRegion"] = "us-east-1",
        ["sourceIPAddress"] = "203.0.113.9",
        ["userAgent"] = userAgent,
        ["eventID"] = Guid.NewGuid().ToString(),
        ["recipientAccountId"] = "111122223333",
    });

    private static byte[] Gzip(string text)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Fastest))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return output.ToArray();
    }
}

using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace CredIr.Sandbox;

/// <summary>Log files: export in the S3 layout a trail delivers, import of CloudTrail files.</summary>
public sealed partial class SandboxTrail
{
    private const long FileWindow = 5 * TimeSpan.TicksPerMinute;

    /// <summary>
    /// Writes every delivered event (and data events) as gzipped files in CloudTrail's S3 layout:
    /// AWSLogs/ACCOUNT/CloudTrail/REGION/YYYY/MM/DD/ACCOUNT_CloudTrail_REGION_yyyyMMddTHHmmZ_ID.json.gz,
    /// one file per account, region and 5 minutes (named by its delivery time, the window's end). Returns the files written.
    /// </summary>
    public Task<IReadOnlyList<string>> ExportAsync(string directory, CancellationToken ct) => ExportAsync(directory, null, ct);

    /// <summary>As <see cref="ExportAsync(string, CancellationToken)"/>; with an organization id, in an organization trail's layout (AWSLogs/o-id/ACCOUNT/...).</summary>
    internal async Task<IReadOnlyList<string>> ExportAsync(string directory, string? organizationId, CancellationToken ct)
    {
        List<RecordedEvent> events;
        lock (_gate)
        {
            events = [.. _history.Values.SelectMany(v => v).Where(e => e.Delivered).Concat(_dataEvents)];
        }

        var written = new List<string>();
        var groups = events.GroupBy(e => (e.AccountId, e.Region, Window: new DateTime(e.EventTime.UtcTicks - (e.EventTime.UtcTicks % FileWindow), DateTimeKind.Utc)));
        foreach (var group in groups.OrderBy(g => g.Key.Window))
        {
            var (account, region, window) = group.Key;
            var folder = Path.Combine(organizationId is null ? Path.Combine(directory, "AWSLogs") : Path.Combine(directory, "AWSLogs", organizationId), account, "CloudTrail", region, window.ToString("yyyy", CultureInfo.InvariantCulture),
                window.ToString("MM", CultureInfo.InvariantCulture), window.ToString("dd", CultureInfo.InvariantCulture));
            Directory.CreateDirectory(folder);
            var id = "S" + group.Min(e => e.Sequence).ToString("D15", CultureInfo.InvariantCulture);
            // As in AWS, the name carries the delivery time, after every event in the file: the window's end.
            var delivered = window.AddTicks(FileWindow);
            var file = Path.Combine(folder, $"{account}_CloudTrail_{region}_{delivered.ToString("yyyyMMdd'T'HHmm'Z'", CultureInfo.InvariantCulture)}_{id}.json.gz");
            var json = new StringBuilder("{\"Records\":[");
            json.AppendJoin(',', group.OrderBy(e => e.EventTime).ThenBy(e => e.Sequence).Select(e => e.Json));
            json.Append("]}");
            await using var stream = File.Create(file);
            await using var gzip = new GZipStream(stream, CompressionLevel.Fastest);
            await gzip.WriteAsync(Encoding.UTF8.GetBytes(json.ToString()), ct);
            written.Add(file);
        }

        return written;
    }

    /// <summary>
    /// Loads CloudTrail records (.json or .json.gz; {"Records":[…]} or a bare array; a file or a folder)
    /// into an account's history. With <paramref name="shiftNewestTo"/>, times move so the newest record
    /// lies then (old datasets would otherwise fall outside LookupEvents' 90 days). Returns the count.
    /// </summary>
    public int Import(string accountId, string path, DateTimeOffset? shiftNewestTo = null)
    {
        var files = Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "*.json*", SearchOption.AllDirectories).Where(f => f.EndsWith(".json", StringComparison.Ordinal) || f.EndsWith(".json.gz", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList()
            : [path];
        var records = files.SelectMany(ReadRecords).ToList();
        var times = records.Select(r => DateTimeOffset.Parse(r["eventTime"]!.GetValue<string>(), CultureInfo.InvariantCulture)).ToList();
        var shift = shiftNewestTo is { } to && times.Count > 0 ? to - times.Max() : TimeSpan.Zero;
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            var time = times[i] + shift;
            record["eventTime"] = time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
            Add(FromRecord(record, accountId, time));
        }

        return records.Count;
    }

    private RecordedEvent FromRecord(JsonObject record, string accountId, DateTimeOffset time)
    {
        var identity = record["userIdentity"] as JsonObject;
        var type = identity?["type"]?.GetValue<string>();
        var arn = identity?["arn"]?.GetValue<string>() ?? "";
        var username = type switch
        {
            "IAMUser" => identity?["userName"]?.GetValue<string>() ?? "",
            "AssumedRole" or "FederatedUser" => arn[(arn.LastIndexOf('/') + 1)..],
            "Root" => "root",
            _ => identity?["userName"]?.GetValue<string>() ?? "",
        };
        var resources = (record["resources"] as JsonArray)?.OfType<JsonObject>()
            .Select(r => (r["type"]?.GetValue<string>() ?? "", r["ARN"]?.GetValue<string>() ?? "")).ToList() ?? [];
        var management = record["managementEvent"]?.GetValueKind() != JsonValueKind.False;
        return new RecordedEvent(
            record["eventID"]?.GetValue<string>() ?? Guid.NewGuid().ToString(),
            record["eventName"]?.GetValue<string>() ?? "",
            record["eventSource"]?.GetValue<string>() ?? "",
            time,
            accountId,
            record["awsRegion"]?.GetValue<string>() ?? "us-east-1",
            identity?["accessKeyId"]?.GetValue<string>(),
            username,
            record["readOnly"]?.GetValueKind() == JsonValueKind.True,
            management,
            record.ToJsonString())
        {
            Resources = resources,
            Sequence = NextSequence(),
            DeliverAt = time,
        };
    }

    private static IEnumerable<JsonObject> ReadRecords(string file)
    {
        using var stream = File.OpenRead(file);
        using Stream content = file.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(stream, CompressionMode.Decompress) : stream;
        var node = JsonNode.Parse(content);
        var array = node as JsonArray ?? node?["Records"] as JsonArray ?? throw new InvalidDataException($"{file} holds neither {{\"Records\":[...]}} nor a JSON array");
        return array.OfType<JsonObject>().Select(r => (JsonObject)r.DeepClone()).ToList();
    }
}

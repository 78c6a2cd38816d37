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
    /// A busy window is delivered as several files, as CloudTrail does, each under about 8 MB of JSON: readers such
    /// as DuckDB's read_json (16 MB per object by default) take a file's {"Records":[...]} as one object.
    /// </summary>
    private const long FileChars = 8_000_000;
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Writes every delivered event (and data events) as gzipped files in CloudTrail's S3 layout:
    /// AWSLogs/ACCOUNT/CloudTrail/REGION/YYYY/MM/DD/ACCOUNT_CloudTrail_REGION_yyyyMMddTHHmmZ_ID.json.gz,
    /// one file per account, region and 5 minutes (named by its delivery time, the window's end). Returns the files written.
    /// </summary>
    public Task<IReadOnlyList<string>> ExportAsync(string directory, CancellationToken ct) => ExportAsync(directory, null, ct);

    /// <summary>As <see cref="ExportAsync(string, CancellationToken)"/>; with an organization id, in an organization trail's layout (AWSLogs/o-id/ACCOUNT/...).</summary>
    internal async Task<IReadOnlyList<string>> ExportAsync(string directory, string? organizationId, CancellationToken ct) =>
        (await ExportAsync(directory, organizationId, -1, ct)).Files;

    /// <summary>
    /// Writes only the log files that changed after <paramref name="since"/> (a <see cref="Version"/>; -1 for all), each in
    /// place of its earlier copy: a file's name never changes. Returns the version the files are now current at and the
    /// files written. Each file is streamed straight into gzip from a copy of its own events only.
    /// </summary>
    internal async Task<(long Version, IReadOnlyList<string> Files)> ExportAsync(string directory, string? organizationId, long since, CancellationToken ct)
    {
        long version;
        List<(LogFileKey Key, LogFile File)> changed;
        lock (_gate)
        {
            version = Interlocked.Read(ref _changes);
            changed = [.. _logFiles.Where(kv => kv.Value.Changed > since).Select(kv => (kv.Key, kv.Value)).OrderBy(f => f.Key.Window)];
        }

        var root = organizationId is null ? Path.Combine(directory, "AWSLogs") : Path.Combine(directory, "AWSLogs", organizationId);
        var written = new List<string>(changed.Count);
        foreach (var (key, logFile) in changed)
        {
            RecordedEvent[] events;
            lock (_gate)
            {
                events = [.. logFile.Events];
            }

            var window = new DateTime(key.Window, DateTimeKind.Utc);
            var folder = Path.Combine(root, key.Account, "CloudTrail", key.Region, window.ToString("yyyy", CultureInfo.InvariantCulture),
                window.ToString("MM", CultureInfo.InvariantCulture), window.ToString("dd", CultureInfo.InvariantCulture));
            Directory.CreateDirectory(folder);
            var name = $"{key.Account}_CloudTrail_{key.Region}_{window.AddTicks(FileWindow).ToString("yyyyMMdd'T'HHmm'Z'", CultureInfo.InvariantCulture)}_S{logFile.Id.ToString("D15", CultureInfo.InvariantCulture)}";
            // As in AWS, the name carries the delivery time, after every event in the file: the window's end. Parts after
            // the first add P1, P2...; a part left over from a split that moved is removed.
            var part = 0;
            foreach (var (start, count) in Parts(events))
            {
                var file = Path.Combine(folder, (part == 0 ? name : name + "P" + part.ToString(CultureInfo.InvariantCulture)) + ".json.gz");
                await WriteLogFileAsync(file, new ArraySegment<RecordedEvent>(events, start, count), ct);
                written.Add(file);
                part++;
            }

            for (; File.Exists(Path.Combine(folder, name + "P" + part.ToString(CultureInfo.InvariantCulture) + ".json.gz")); part++)
            {
                File.Delete(Path.Combine(folder, name + "P" + part.ToString(CultureInfo.InvariantCulture) + ".json.gz"));
            }
        }

        return (version, written);
    }

    private static IEnumerable<(int Start, int Count)> Parts(RecordedEvent[] events)
    {
        var start = 0;
        long chars = 0;
        for (var i = 0; i < events.Length; i++)
        {
            if (i > start && chars + events[i].Json.Length > FileChars)
            {
                yield return (start, i - start);
                start = i;
                chars = 0;
            }

            chars += events[i].Json.Length;
        }

        yield return (start, events.Length - start);
    }

    private static async Task WriteLogFileAsync(string file, ArraySegment<RecordedEvent> events, CancellationToken ct)
    {
        await using var stream = File.Create(file);
        await using var gzip = new GZipStream(stream, CompressionLevel.Fastest);
        await using var writer = new StreamWriter(gzip, Utf8, 1 << 16);
        await writer.WriteAsync("{\"Records\":[".AsMemory(), ct);
        for (var i = 0; i < events.Count; i++)
        {
            if (i > 0)
            {
                await writer.WriteAsync(",".AsMemory(), ct);
            }

            await writer.WriteAsync(events[i].Json.AsMemory(), ct);
        }

        await writer.WriteAsync("]}".AsMemory(), ct);
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
        // One file's records in memory at a time: a shift needs the newest time first, read in a pass of its own.
        var shift = TimeSpan.Zero;
        if (shiftNewestTo is { } to)
        {
            var newest = files.SelectMany(f => ReadRecords(f).Select(EventTime)).DefaultIfEmpty().Max();
            shift = newest == default ? TimeSpan.Zero : to - newest;
        }

        var count = 0;
        foreach (var file in files)
        {
            foreach (var record in ReadRecords(file))
            {
                var time = EventTime(record) + shift;
                record["eventTime"] = time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
                Add(FromRecord(record, accountId, time));
                count++;
            }
        }

        return count;
    }

    private static DateTimeOffset EventTime(JsonObject record) => DateTimeOffset.Parse(record["eventTime"]!.GetValue<string>(), CultureInfo.InvariantCulture);

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

    private static List<JsonObject> ReadRecords(string file)
    {
        using var stream = File.OpenRead(file);
        using Stream content = file.EndsWith(".gz", StringComparison.Ordinal) ? new GZipStream(stream, CompressionMode.Decompress) : stream;
        var node = JsonNode.Parse(content);
        var array = node as JsonArray ?? node?["Records"] as JsonArray ?? throw new InvalidDataException($"{file} holds neither {{\"Records\":[...]}} nor a JSON array");
        return array.OfType<JsonObject>().ToList();
    }
}

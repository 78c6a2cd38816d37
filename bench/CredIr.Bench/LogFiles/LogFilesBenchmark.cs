using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using CredIr.Playbook.Classification;
using CredIr.Playbook.Extraction;
using CredIr.Playbook.Trail;

namespace CredIr.Bench.LogFiles;

/// <summary>
/// `logfiles`: records/s and MB/s read and classified on one core, over the real datasets replicated into a
/// folder of CloudTrail .json.gz files, against jq (zcat | jq select on the key) on the same files in the same run.
/// Options: --datasets DIR (default tests/datasets in the repository, or CREDIR_DATASETS), --mb N (uncompressed MB to generate, default 200),
/// --key AKIA... (the key jq and the filtered scan select, default the invictus seed key).
/// </summary>
public static class LogFilesBenchmark
{
    private const int RecordsPerFile = 5000;

    public static async Task<int> RunAsync(string[] args)
    {
        var datasets = Option(args, "--datasets") ?? CredIr.Tests.Datasets.Root;
        var megabytes = int.Parse(Option(args, "--mb") ?? "200", CultureInfo.InvariantCulture);
        var key = Option(args, "--key") ?? "AKIATFQR7NSC8Q4X20BJ";
        var folder = Path.Combine(Path.GetTempPath(), "credir-bench-logfiles-" + Environment.ProcessId);
        try
        {
            var (files, records, rawBytes, gzBytes) = await GenerateAsync(datasets, folder, megabytes * 1_000_000L);
            Console.WriteLine($"input: {files.Count} .json.gz files, {records:N0} records, {rawBytes / 1e6:F1} MB JSON ({gzBytes / 1e6:F1} MB gzip) in {folder}");

            // Warm-up on one file, so tiered JIT is not charged to the first measurement.
            await ParseAllAsync(files[..1], key);
            await ReadAndClassifyAllAsync(files[..1], key);
            await FilteredScanAsync(files[..1], key);

            var parsed = await TimeAsync(() => ParseAllAsync(files, key));
            Report("credir read+parse every record (no classification), 1 core", records, rawBytes, parsed);

            var full = await TimeAsync(() => ReadAndClassifyAllAsync(files, key));
            Report("credir read+parse+classify+extract every record, 1 core", records, rawBytes, full);

            var filtered = await TimeAsync(() => FilteredScanAsync(files, key));
            Report("credir filtered scan (byte prefilter, parse+classify matches), 1 core", records, rawBytes, filtered);

            var jq = await JqAsync(folder, key);
            if (jq is null)
            {
                Console.WriteLine("jq: not found on PATH; no comparison");
                return 1;
            }

            Report("jq + zcat (zcat f | jq -c '.Records[] | select(.userIdentity.accessKeyId==KEY)'), children's CPU", records, rawBytes, jq);
            Console.WriteLine($"ratio (jq CPU / credir CPU): full {jq.Cpu / full.Cpu:F2}x, filtered {jq.Cpu / filtered.Cpu:F2}x");
            Console.WriteLine($"matches agree: {(full.Result == jq.Result && filtered.Result == jq.Result ? "yes" : "NO")}");
            using var self = Process.GetCurrentProcess();
            Console.WriteLine($"peak working set: {self.PeakWorkingSet64 / 1e6:F0} MB; GC heap now: {GC.GetTotalMemory(false) / 1e6:F0} MB");
            return full.Result == jq.Result && filtered.Result == jq.Result ? 0 : 2;
        }
        finally
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
    }

    // Throughput is per CPU second (the machine may be shared: wall time then measures the neighbours too).
    private static void Report(string what, long records, long bytes, Measurement m) =>
        Console.WriteLine(
            $"{what}: cpu {m.Cpu.TotalSeconds:F2} s (wall {m.Wall.TotalSeconds:F2} s), " +
            $"{records / m.Cpu.TotalSeconds:N0} records/s, {bytes / 1e6 / m.Cpu.TotalSeconds:F1} MB/s per CPU second, {m.Result:N0} matches");

    private static async Task<Measurement> TimeAsync(Func<Task<long>> run)
    {
        using var self = Process.GetCurrentProcess();
        var cpu = self.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var result = await run();
        self.Refresh();
        return new Measurement(watch.Elapsed, self.TotalProcessorTime - cpu, result);
    }

    private sealed record Measurement(TimeSpan Wall, TimeSpan Cpu, long Result);

    // The datasets' records, replicated (eventIDs made unique) into files of 5000 records each.
    internal static async Task<(List<string> Files, long Records, long RawBytes, long GzBytes)> GenerateAsync(string datasets, string folder, long targetBytes)
    {
        var sources = Directory.EnumerateFiles(Path.Combine(datasets, "invictus-stratus", "CloudTrail"), "*.json")
            .Concat(Directory.EnumerateFiles(Path.Combine(datasets, "stratus-detonation-logs"), "aws.*.json"));
        var originals = new List<string>();
        foreach (var file in sources)
        {
            await using var stream = File.OpenRead(file);
            await foreach (var raw in CloudTrailStreamReader.ReadRawAsync(stream))
            {
                originals.Add(Encoding.UTF8.GetString(raw.Span));
            }
        }

        Directory.CreateDirectory(folder);
        var files = new List<string>();
        long records = 0, rawBytes = 0, gzBytes = 0;
        while (rawBytes < targetBytes)
        {
            var path = Path.Combine(folder, $"123456789012_CloudTrail_us-east-1_20230710T{files.Count % 2400:D4}Z_{files.Count}.json.gz");
            var builder = new StringBuilder("{\"Records\":[");
            for (var i = 0; i < RecordsPerFile; i++)
            {
                var original = originals[(int)(records % originals.Count)];
                // Distinct eventIDs, same length, so every record is a new one for a reader that deduplicates.
                builder.Append(i == 0 ? "" : ",").Append(original.Replace("\"eventID\":\"", $"\"eventID\":\"{records:x8}", StringComparison.Ordinal));
                records++;
            }

            var bytes = Encoding.UTF8.GetBytes(builder.Append("]}").ToString());
            await using (var file = File.Create(path))
            await using (var gzip = new GZipStream(file, CompressionLevel.Fastest))
            {
                await gzip.WriteAsync(bytes);
            }

            rawBytes += bytes.Length;
            gzBytes += new FileInfo(path).Length;
            files.Add(path);
        }

        return (files, records, rawBytes, gzBytes);
    }

    private static async Task<long> ReadAndClassifyAllAsync(List<string> files, string key)
    {
        var classifier = new EventClassifier();
        var extractor = new RecordExtractor();
        long matches = 0;
        foreach (var path in files)
        {
            await using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
            await foreach (var record in CloudTrailStreamReader.ReadAsync(gzip))
            {
                var classification = classifier.Classify(record);
                var facts = extractor.Extract(record);
                if (record.UserIdentity.AccessKeyId == key && classification.MatchedRules.Count + facts.Resources.Count >= 0)
                {
                    matches++;
                }
            }
        }

        return matches;
    }

    private static async Task<long> ParseAllAsync(List<string> files, string key)
    {
        long matches = 0;
        foreach (var path in files)
        {
            await using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
            await foreach (var record in CloudTrailStreamReader.ReadAsync(gzip))
            {
                if (record.UserIdentity.AccessKeyId == key)
                {
                    matches++;
                }
            }
        }

        return matches;
    }

    private static async Task<long> FilteredScanAsync(List<string> files, string key)
    {
        var classifier = new EventClassifier();
        var needle = Encoding.UTF8.GetBytes(key);
        long matches = 0;
        foreach (var path in files)
        {
            await using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
            await foreach (var raw in CloudTrailStreamReader.ReadRawAsync(gzip))
            {
                if (raw.Span.IndexOf(needle) < 0)
                {
                    continue;
                }

                var record = CloudTrailRecordParser.Parse(raw.Span);
                if (record.UserIdentity.AccessKeyId == key)
                {
                    _ = classifier.Classify(record);
                    matches++;
                }
            }
        }

        return matches;
    }

    // bash's `times` reports its children's user and system CPU: zcat and jq, whatever else runs on the machine.
    private static async Task<Measurement?> JqAsync(string folder, string key)
    {
        var script = $"cd '{folder}' && for f in *.json.gz; do zcat \"$f\"; done | jq -c '.Records[] | select(.userIdentity.accessKeyId==\"{key}\")' | wc -l; times";
        var start = new ProcessStartInfo("bash", ["-c", script]) { RedirectStandardOutput = true, RedirectStandardError = true };
        try
        {
            var watch = Stopwatch.StartNew();
            using var process = Process.Start(start)!;
            var output = (await process.StandardOutput.ReadToEndAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
            await process.WaitForExitAsync();
            if (process.ExitCode != 0 || output.Length < 3 || !long.TryParse(output[0].Trim(), CultureInfo.InvariantCulture, out var count))
            {
                return null;
            }

            var children = output[2].Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(ParseBashTime).ToArray();
            return new Measurement(watch.Elapsed, children[0] + children[1], count);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }

    // "1m2.345s"
    private static TimeSpan ParseBashTime(string text)
    {
        var m = text.IndexOf('m', StringComparison.Ordinal);
        return TimeSpan.FromMinutes(double.Parse(text[..m], CultureInfo.InvariantCulture))
            + TimeSpan.FromSeconds(double.Parse(text[(m + 1)..].TrimEnd('s'), CultureInfo.InvariantCulture));
    }

    private static string? Option(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}

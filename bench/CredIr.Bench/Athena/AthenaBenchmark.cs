using System.Diagnostics;
using System.Globalization;
using Amazon.Runtime;
using CredIr.Aws;
using CredIr.Bench.LogFiles;
using CredIr.Eradication.Closure;
using CredIr.Eradication.Trails;
using CredIr.Eradication.Trails.Athena;
using CredIr.Eradication.Trails.LogFiles;
using CredIr.Playbook.Classification;
using CredIr.Playbook.Extraction;
using CredIr.Sandbox;
using Microsoft.Extensions.Logging.Abstractions;

namespace CredIr.Bench.Athena;

/// <summary>
/// `athena`: the invictus seed key's closure over the real datasets replicated (as `logfiles` does), loaded into a
/// sandbox's trail, through the sandbox's Athena (DuckDB over the trail's log files: queries, bytes scanned, wall
/// time) and through the log-file source over the very files Athena reads. Options: --datasets DIR, --mb N
/// (uncompressed MB, default 50: the sandbox holds the trail in memory), --key AKIA... With --org [--members N]
/// instead: `fanout`'s organization read whole through Athena against LookupEvents (<see cref="OrgScanComparison"/>).
/// </summary>
public static class AthenaBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Contains("--org"))
        {
            return await OrgScanComparison.RunAsync(int.Parse(Option(args, "--members") ?? "50", CultureInfo.InvariantCulture), CancellationToken.None);
        }

        var datasets = Option(args, "--datasets") ?? CredIr.Tests.Datasets.Root;
        var megabytes = int.Parse(Option(args, "--mb") ?? "50", CultureInfo.InvariantCulture);
        var key = Option(args, "--key") ?? "AKIATFQR7NSC8Q4X20BJ";
        var since = new DateTimeOffset(2023, 7, 10, 11, 54, 33, TimeSpan.Zero);
        var generated = Path.Combine(Path.GetTempPath(), "credir-bench-athena-" + Environment.ProcessId);
        var exported = generated + "-export";
        try
        {
            var (files, records, rawBytes, gzBytes) = await LogFilesBenchmark.GenerateAsync(datasets, generated, megabytes * 1_000_000L);
            Console.WriteLine($"input: {records:N0} records, {rawBytes / 1e6:F1} MB JSON ({gzBytes / 1e6:F1} MB gzip) in {files.Count} files");
            await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions { Port = 0 }, CancellationToken.None);
            var watch = Stopwatch.StartNew();
            sandbox.Trail.Import(sandbox.Accounts[0].AccountId, generated);
            Console.WriteLine($"imported into the sandbox's trail in {watch.Elapsed.TotalSeconds:F1} s");
            var logFiles = await sandbox.ExportTrailAsync(exported, CancellationToken.None);

            using var http = new HttpClient();
            using var runtime = new AwsRuntime(http, new AwsClientOptions { EndpointUrl = sandbox.Endpoint, Region = "us-east-1", UseEnvironmentEndpoints = false });
            var admin = sandbox.Accounts[0].AdminCredentials;
            var scope = runtime.CreateScope(new BasicAWSCredentials(admin.AccessKeyId, admin.SecretAccessKey), "us-east-1");
            await scope.S3.CreateBucketAsync(new CreateBucketRequest("athena-results"));
            var target = new AthenaTarget("cloudtrail", "organization_trail", "primary", "s3://athena-results/bench/", true, $"s3://org-trail/AWSLogs/{sandbox.OrganizationId}/", null);
            var options = new AthenaSourceOptions { PollInterval = TimeSpan.FromMilliseconds(20), MaxPollInterval = TimeSpan.FromMilliseconds(200) };
            var request = new ClosureRequest { Credentials = [InitialCredentials.AccessKey(key, since)], Since = since, Until = since.AddDays(1) };

            // The first query also writes the trail's files for DuckDB (the sandbox's "delivery"): measured apart.
            watch.Restart();
            var first = await RunAsync(new AthenaTrailSource(scope, target, options, TimeProvider.System, NullLogger<AthenaTrailSource>.Instance), request);
            Console.WriteLine($"athena, first scan (creates the table, writes the trail's files for DuckDB): wall {watch.Elapsed.TotalSeconds:F2} s, {Describe(first)}");
            watch.Restart();
            var athena = await RunAsync(new AthenaTrailSource(scope, target with { CreateTable = false }, options, TimeProvider.System, NullLogger<AthenaTrailSource>.Instance), request);
            var athenaWall = watch.Elapsed;
            Console.WriteLine($"athena (sandbox, DuckDB): wall {athenaWall.TotalSeconds:F2} s, {Describe(athena)}");

            var source = new LogFileTrailSource(exported, new LogFileSourceOptions(), NullLogger<LogFileTrailSource>.Instance);
            watch.Restart();
            var files2 = await RunAsync(source, request);
            var filesWall = watch.Elapsed;
            Console.WriteLine($"log files ({logFiles.Count} files, {Environment.ProcessorCount} readers): wall {filesWall.TotalSeconds:F2} s, {Describe(files2)}");
            var agree = athena.EventsAttributed == files2.EventsAttributed && athena.CredentialsDerived == files2.CredentialsDerived;
            Console.WriteLine($"ratio (athena wall / log files wall): {athenaWall / filesWall:F2}x; results agree: {(agree ? "yes" : "NO")}");
            using var self = Process.GetCurrentProcess();
            Console.WriteLine($"peak working set: {self.PeakWorkingSet64 / 1e6:F0} MB; live managed heap at the end (sandbox, its trail, results and CSVs): {GC.GetTotalMemory(forceFullCollection: true) / 1e6:F0} MB");
            return agree ? 0 : 2;
        }
        finally
        {
            foreach (var folder in new[] { generated, exported })
            {
                if (Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
        }
    }

    private static string Describe(ClosureSummary s) =>
        $"{s.EventsAttributed:N0} events, {s.CredentialsDerived} derived credentials, {s.Rounds} rounds, {s.Queries} queries, {s.BytesScanned / 1e6:F1} MB scanned, complete: {s.Complete}" +
        string.Concat(s.Gaps.Where(g => g.UnitFailed).Select(g => $"; gap: {g.ErrorCode} {g.Reason}"));

    private static async Task<ClosureSummary> RunAsync(ITrailSource source, ClosureRequest request)
    {
        var engine = new ClosureEngine(source, new EventClassifier(), new RecordExtractor(), TimeProvider.System);
        ClosureSummary? summary = null;
        await foreach (var update in engine.RunAsync(request, CancellationToken.None))
        {
            if (update is ClosureCompleted completed)
            {
                summary = completed.Summary;
            }
        }

        return summary!;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}

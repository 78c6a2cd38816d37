using System.Diagnostics;
using System.Globalization;
using CredIr.Aws;
using CredIr.Eradication.Trails;
using CredIr.Eradication.Trails.LookupEvents;
using Microsoft.Extensions.Logging.Abstractions;

namespace CredIr.Bench.FanOut;

/// <summary>
/// One org-wide LookupEvents scan by the trail source, as an eradication scan runs it: fresh sessions, every account and
/// region, an AWS runtime of its own (as a node of a cluster has), its LookupEvents budget the cluster's when given.
/// </summary>
internal static class CredIrScan
{
    public sealed record Result(TimeSpan Wall, TimeSpan Entering, long Records, long Gaps, long PeakHeap, long HeapBefore, long Throttled, long OtherRetries, string Timeline, TimeSpan Cpu);

    private static TimeSpan RefreshedCpu(Process self)
    {
        self.Refresh();
        return self.TotalProcessorTime;
    }

    public static async Task<Result> RunAsync(FanOutOrganization org, LookupEventsSourceOptions options, ILookupEventsBudget? budget, string? trace, CancellationToken ct)
    {
        var management = org.Sandbox.Accounts[0];
        using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionIdleTimeout = TimeSpan.FromSeconds(30) });
        using var retries = new RetryCounter();
        using var loggers = new Microsoft.Extensions.Logging.LoggerFactory([retries]);
        using var runtime = new AwsRuntime(http, new AwsClientOptions
        {
            EndpointUrl = org.Sandbox.Endpoint,
            Region = "us-east-1",
            UseEnvironmentEndpoints = false,
            LookupEventsPerSecond = options.RequestsPerSecond,
        }, TimeProvider.System, loggers, budget);
        using var sessions = new OrganizationSessions(
            runtime.CreateScope(new Amazon.Runtime.BasicAWSCredentials(management.AdminAccessKeyId, management.AdminSecretAccessKey), "us-east-1"), "bench-fanout");
        using var traceLoggers = new Microsoft.Extensions.Logging.LoggerFactory(trace is null ? [] : [new LaneTrace(trace)]);
        var source = new LookupEventsTrailSource(sessions, options, trace is null
            ? NullLogger<LookupEventsTrailSource>.Instance
            : new Microsoft.Extensions.Logging.Logger<LookupEventsTrailSource>(traceLoggers));
        var query = new TrailQuery { Since = org.Since, Until = org.Until };

        GC.Collect();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var peakHeap = heapBefore;
        long records = 0, gaps = 0;
        TimeSpan? entering = null;
        var decile = 0;
        var timeline = new List<string>();
        using var self = Process.GetCurrentProcess();
        var cpuBefore = self.TotalProcessorTime;
        var started = Stopwatch.GetTimestamp();
        await foreach (var item in source.QueryAsync(query, ct))
        {
            switch (item)
            {
                case TrailRecordItem:
                    entering ??= Stopwatch.GetElapsedTime(started);
                    if (++records % 4096 == 0)
                    {
                        peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(false));
                    }

                    break;
                case TrailProgressItem progress when progress.UnitsDone * 10 / progress.UnitsTotal > decile:
                    decile = progress.UnitsDone * 10 / progress.UnitsTotal;
                    timeline.Add(string.Create(CultureInfo.InvariantCulture, $"{decile * 10}% {Stopwatch.GetElapsedTime(started).TotalSeconds:F1}s"));
                    break;
                case TrailGapItem { Gap.UnitFailed: true }:
                    gaps++;
                    break;
            }
        }

        return new Result(Stopwatch.GetElapsedTime(started), entering ?? TimeSpan.Zero, records, gaps, Math.Max(peakHeap, GC.GetTotalMemory(false)), heapBefore, retries.Throttled, retries.Other, string.Join(", ", timeline), RefreshedCpu(self) - cpuBefore);
    }
}

using System.Diagnostics;
using System.Globalization;
using CredIr.Sandbox;

namespace CredIr.Bench.FanOut;

/// <summary>
/// `fanout`: an org-wide LookupEvents scan against the sandbox (N member accounts x 17 regions, several pages per
/// account-region, AWS's 2 requests/s per account-region), once with 50 ms added to every LookupEvents call and
/// once with 2 s. Prints the wall time against the lower bound (the most pages in one account-region at 2 per
/// second, plus one call's latency), peak memory, and a plain boto3 loop over the same organization (measured on
/// as many account-regions as fit its time budget, the rest projected from its pace).
/// The scans run beside a coordinator's silo, as in <c>credir serve</c>: every LookupEvents request books its
/// account-region's grain. Then two incidents scan the organization at once, each with its own AWS runtime (as two
/// nodes have), at the first latency: the sandbox must throttle none of their calls.
/// Options: --members N (default 200), --boto3-budget SECONDS (default 30), --latencies MS,MS (default 50,2000),
/// --segments N and --in-flight N (the source's SegmentsPerUnit and MaxRequestsInFlight; default its own), --trace "ACCOUNT region REGION" (print that account-region's pages),
/// --no-silo (each runtime's own token buckets, as Eradication hosted alone), --rate R (the scans' LookupEvents requests/s per account-region, default 2; the sandbox allows 2).
/// </summary>
internal static class FanOutBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var members = int.Parse(Option(args, "--members") ?? "200", CultureInfo.InvariantCulture);
        var budget = TimeSpan.FromSeconds(double.Parse(Option(args, "--boto3-budget") ?? "30", CultureInfo.InvariantCulture));
        var options = new CredIr.Eradication.Trails.LookupEvents.LookupEventsSourceOptions();
        if (Option(args, "--segments") is { } segments)
        {
            options.SegmentsPerUnit = int.Parse(segments, CultureInfo.InvariantCulture);
        }

        if (Option(args, "--rate") is { } rate)
        {
            options.RequestsPerSecond = double.Parse(rate, CultureInfo.InvariantCulture);
        }

        if (Option(args, "--in-flight") is { } inFlight)
        {
            options.MaxRequestsInFlight = int.Parse(inFlight, CultureInfo.InvariantCulture);
        }

        var ct = CancellationToken.None;
        var building = Stopwatch.StartNew();
        await using var org = await StartAsync(members, ct);
        await using var silo = args.Contains("--no-silo") ? null : await CoordinatorSilo.StartAsync(ct);
        var lookupBudget = silo?.Budget;
        var held = lookupBudget is null ? "each runtime's own token buckets (no silo)" : "one silo's account-region grains";
        Console.WriteLine(Invariant(
            $"organization: {org.Sandbox.Accounts.Count} accounts x {org.Sandbox.Regions.Count} regions = {org.AccountRegions} account-regions, {org.Events:N0} events, {org.TotalPages:N0} pages of {FanOutOrganization.PageSize}, most in one account-region {org.MostPages} pages; built in {building.Elapsed.TotalSeconds:F1} s"));

        // Untimed, throttle off: JIT, and the sandbox renders each event's LookupEvents form once (AWS's cost, not the client's).
        org.Sandbox.LookupEventsRateLimit = null;
        var warm = await CredIrScan.RunAsync(org, options, null, null, ct);
        org.Sandbox.LookupEventsRateLimit = 2;
        Console.WriteLine(Invariant($"warm-up (untimed, sandbox throttle off): {warm.Records:N0} of {org.Events:N0} records ({warm.Gaps} failed units, {warm.Throttled} throttled, {warm.OtherRetries} other failed attempts) in {warm.Wall.TotalSeconds:F1} s, process CPU {warm.Cpu.TotalSeconds:F1} s; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]} on {Environment.ProcessorCount} cores"));

        var worst = 0.0;
        foreach (var latency in (Option(args, "--latencies") ?? "50,2000").Split(',').Select(ms => TimeSpan.FromMilliseconds(double.Parse(ms, CultureInfo.InvariantCulture))))
        {
            org.Sandbox.Faults.Set("cloudtrail", new FaultOptions { Latency = latency });
            var bound = (org.MostPages / 2.0) + latency.TotalSeconds;
            var throttledBefore = org.Sandbox.LookupEventsThrottled;
            var scan = await CredIrScan.RunAsync(org, options, lookupBudget, Option(args, "--trace"), ct);
            var ratio = scan.Wall.TotalSeconds / bound;
            worst = Math.Max(worst, ratio);
            using (var self = Process.GetCurrentProcess())
            {
                Console.WriteLine(Invariant(
                    $"credir latency {latency.TotalMilliseconds:F0} ms, budget held by {held}: wall {scan.Wall.TotalSeconds:F2} s (first record after {scan.Entering.TotalSeconds:F2} s: entering accounts, listing regions), lower bound {bound:F2} s, ratio {ratio:F3}x (target <= 1.200), {scan.Records:N0} records, {scan.Gaps} failed units, {scan.Throttled} throttled and {scan.OtherRetries} other failed attempts (retried; the sandbox throttled {org.Sandbox.LookupEventsThrottled - throttledBefore}), GC heap peak {(scan.PeakHeap - scan.HeapBefore) / 1e6:F0} MB over the sandbox's {scan.HeapBefore / 1e6:F0} MB, process peak working set {self.PeakWorkingSet64 / 1e6:F0} MB"));
            }

            Console.WriteLine(Invariant($"  process CPU {scan.Cpu.TotalSeconds:F1} s (sandbox and scan together); account-regions done: {scan.Timeline}"));
            if (scan.Records != org.Events)
            {
                Console.WriteLine(Invariant($"credir latency {latency.TotalMilliseconds:F0} ms: MISSED RECORDS: read {scan.Records:N0} of {org.Events:N0}"));
                return 2;
            }

            var boto3 = await Boto3Scan.RunAsync(org, budget, ct);
            if (boto3 is null)
            {
                Console.WriteLine("boto3 loop: /usr/bin/python3 with python3-boto3 not available; no comparison");
                continue;
            }

            var projected = boto3.Seconds * org.TotalPages / Math.Max(1, boto3.Pages);
            var label = boto3.AccountRegions < org.AccountRegions
                ? Invariant($"measured on {boto3.AccountRegions} of {org.AccountRegions} account-regions ({boto3.Pages:N0} pages, {boto3.Events:N0} events) in {boto3.Seconds:F1} s; PROJECTED total {projected:F0} s ({projected / 60:F1} min) at that pace")
                : Invariant($"measured on the whole organization: {boto3.Seconds:F1} s");
            Console.WriteLine(Invariant($"boto3 loop latency {latency.TotalMilliseconds:F0} ms: {label}; credir is {projected / scan.Wall.TotalSeconds:F0}x faster"));
        }

        var throttled = await TwoIncidentsAsync(org, options, lookupBudget, held, (Option(args, "--latencies") ?? "50").Split(',')[0], ct);
        org.Sandbox.Faults.Clear();
        Console.WriteLine(Invariant($"worst ratio to the lower bound: {worst:F3}x ({(worst <= 1.2 ? "within" : "OVER")} 1.2x); two incidents at once: {throttled} calls throttled by the sandbox"));
        return 0;
    }

    /// <summary>Two incidents scanning the whole organization at once, each with its own AWS runtime: what the sandbox throttled.</summary>
    private static async Task<long> TwoIncidentsAsync(FanOutOrganization org, CredIr.Eradication.Trails.LookupEvents.LookupEventsSourceOptions options, CredIr.Aws.ILookupEventsBudget? budget, string held, string ms, CancellationToken ct)
    {
        var latency = TimeSpan.FromMilliseconds(double.Parse(ms, CultureInfo.InvariantCulture));
        org.Sandbox.Faults.Set("cloudtrail", new FaultOptions { Latency = latency });
        var before = org.Sandbox.LookupEventsThrottled;
        var started = Stopwatch.GetTimestamp();
        var scans = await Task.WhenAll(CredIrScan.RunAsync(org, options, budget, null, ct), CredIrScan.RunAsync(org, options, budget, null, ct));
        var wall = Stopwatch.GetElapsedTime(started);
        var throttled = org.Sandbox.LookupEventsThrottled - before;

        // Both read the busiest account-region's pages through one budget of 2 per second.
        var bound = org.MostPages + latency.TotalSeconds;
        Console.WriteLine(Invariant(
            $"two incidents at once, latency {latency.TotalMilliseconds:F0} ms, budget held by {held}: wall {wall.TotalSeconds:F2} s, lower bound {bound:F2} s (both scans' pages of the busiest account-region at 2/s), ratio {wall.TotalSeconds / bound:F3}x; records {scans[0].Records:N0} and {scans[1].Records:N0} of {org.Events:N0}; {scans[0].Gaps + scans[1].Gaps} failed units; the sandbox throttled {throttled} calls (the runtimes saw {scans[0].Throttled + scans[1].Throttled} throttled attempts and retried them)"));
        return throttled;
    }

    private static Task<FanOutOrganization> StartAsync(int members, CancellationToken ct) => FanOutOrganization.StartAsync(members, ct);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}

using System.Diagnostics;
using System.Globalization;
using Amazon.Runtime;
using CredIr.Aws;
using CredIr.Bench.FanOut;
using CredIr.Eradication.Trails;
using CredIr.Eradication.Trails.Athena;
using CredIr.Eradication.Trails.LookupEvents;
using CredIr.Sandbox;
using Microsoft.Extensions.Logging.Abstractions;

namespace CredIr.Bench.Athena;

/// <summary>
/// `athena --org`: `fanout`'s organization (N members x 17 regions, its history) read whole, once through LookupEvents
/// (every account-region, AWS's 2 requests/s each, through the response role) and once through the sandbox's Athena
/// over the organization trail (one query, partition-pruned, its results paged): wall time, records, and the calls each
/// made, counted from what the sandbox's CloudTrail recorded of them (it records every call, as AWS does).
/// </summary>
internal static class OrgScanComparison
{
    public static async Task<int> RunAsync(int members, CancellationToken ct)
    {
        var building = Stopwatch.StartNew();
        await using var org = await FanOutOrganization.StartAsync(members, ct);
        var sandbox = org.Sandbox;
        Console.WriteLine(Invariant(
            $"organization: {sandbox.Accounts.Count} accounts x {sandbox.Regions.Count} regions = {org.AccountRegions} account-regions, {org.Events:N0} events, {org.TotalPages:N0} LookupEvents pages of {FanOutOrganization.PageSize}, most in one account-region {org.MostPages}; built in {building.Elapsed.TotalSeconds:F1} s"));

        var before = sandbox.Trail.Version;
        var lookup = await CredIrScan.RunAsync(org, new LookupEventsSourceOptions(), null, null, ct);
        var lookupCalls = CallsSince(sandbox, before);
        Console.WriteLine(Invariant(
            $"LookupEvents (2 requests/s per account-region): wall {lookup.Wall.TotalSeconds:F2} s, {lookup.Records:N0} records, {lookup.Gaps} failed units; calls {Describe(lookupCalls)}"));

        using var http = new HttpClient();
        using var runtime = new AwsRuntime(http, new AwsClientOptions { EndpointUrl = sandbox.Endpoint, Region = "us-east-1", UseEnvironmentEndpoints = false });
        var admin = sandbox.Accounts[0];
        var scope = runtime.CreateScope(new BasicAWSCredentials(admin.AdminAccessKeyId, admin.AdminSecretAccessKey), "us-east-1");
        await scope.S3.CreateBucketAsync(new CreateBucketRequest("athena-results"), ct);
        var target = new AthenaTarget("cloudtrail", "organization_trail", "primary", "s3://athena-results/bench-org/", true, $"s3://org-trail/AWSLogs/{sandbox.OrganizationId}/", null);
        var options = new AthenaSourceOptions { PollInterval = TimeSpan.FromMilliseconds(20), MaxPollInterval = TimeSpan.FromMilliseconds(200) };
        var query = new TrailQuery { Since = org.Since, Until = org.Until };

        // The first query creates the table (organizations:ListAccounts, ec2:DescribeRegions for its partitions) and
        // makes the sandbox write the trail's files for DuckDB (its "delivery" to S3): measured apart.
        var first = await AthenaAsync(sandbox, scope, target, options, query, ct);
        Console.WriteLine(Invariant($"athena, first scan (creates the table; the sandbox writes {org.Events:N0}+ events as log files): wall {first.Wall.TotalSeconds:F2} s, {first.Records:N0} records, {first.Queries} queries, {first.BytesScanned / 1e6:F1} MB scanned; calls {Describe(first.Calls)}"));
        var athena = await AthenaAsync(sandbox, scope, target with { CreateTable = false }, options, query, ct);
        Console.WriteLine(Invariant($"athena (sandbox, DuckDB): wall {athena.Wall.TotalSeconds:F2} s, {athena.Records:N0} records, {athena.Queries} queries, {athena.BytesScanned / 1e6:F1} MB scanned; calls {Describe(athena.Calls)}"));

        var agree = athena.Records == lookup.Records && lookup.Records == org.Events;
        Console.WriteLine(Invariant(
            $"LookupEvents / Athena: wall {lookup.Wall.TotalSeconds / athena.Wall.TotalSeconds:F1}x, calls {lookupCalls.Values.Sum():N0} / {athena.Calls.Values.Sum():N0}; records agree with the organization's {org.Events:N0}: {(agree ? "yes" : "NO")}"));
        using var self = Process.GetCurrentProcess();
        Console.WriteLine(Invariant($"peak working set: {self.PeakWorkingSet64 / 1e6:F0} MB (sandbox, DuckDB and both scans)"));
        return agree ? 0 : 2;
    }

    private sealed record AthenaRun(TimeSpan Wall, long Records, int Queries, long BytesScanned, SortedDictionary<string, int> Calls);

    private static async Task<AthenaRun> AthenaAsync(SandboxHost sandbox, AwsScope scope, AthenaTarget target, AthenaSourceOptions options, TrailQuery query, CancellationToken ct)
    {
        var before = sandbox.Trail.Version;
        var source = new AthenaTrailSource(scope, target, options, TimeProvider.System, NullLogger<AthenaTrailSource>.Instance);
        long records = 0, bytes = 0;
        var queries = 0;
        var started = Stopwatch.GetTimestamp();
        await foreach (var item in source.QueryAsync(query, ct))
        {
            switch (item)
            {
                case TrailRecordItem:
                    records++;
                    break;
                case TrailCostItem cost:
                    queries += cost.Queries;
                    bytes += cost.BytesScanned;
                    break;
                case TrailGapItem { Gap.UnitFailed: true } gap:
                    Console.WriteLine($"athena: failed: {gap.Gap.Reason}");
                    break;
            }
        }

        return new AthenaRun(Stopwatch.GetElapsedTime(started), records, queries, bytes, CallsSince(sandbox, before));
    }

    /// <summary>The calls the sandbox recorded in its CloudTrail after <paramref name="version"/>, by operation.</summary>
    private static SortedDictionary<string, int> CallsSince(SandboxHost sandbox, long version) =>
        new(sandbox.Trail.All().Where(e => e.Sequence > version).GroupBy(static e => e.EventName).ToDictionary(static g => g.Key, static g => g.Count()), StringComparer.Ordinal);

    private static string Describe(SortedDictionary<string, int> calls) =>
        Invariant($"{calls.Values.Sum():N0} ({string.Join(", ", calls.Select(static c => Invariant($"{c.Key} {c.Value:N0}")))})");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

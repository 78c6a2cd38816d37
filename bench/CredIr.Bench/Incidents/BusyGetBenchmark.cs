using System.Diagnostics;
using CredIr.Containment;
using CredIr.Contracts.V1;
using CredIr.Eradication;
using CredIr.Identification;
using CredIr.Incidents.Hosting;
using CredIr.Sandbox;
using CredIr.Sandbox.Faults;
using Grpc.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CredIr.Bench.Incidents;

/// <summary>
/// GetIncident while the same incident's scan runs: the scan is work outside the grain's turns, so a read must not
/// wait for it. One incident is contained, then CloudTrail answers each LookupEvents after <see cref="ScanCallLatency"/>,
/// and up to 5,000 Gets are timed while the incident stays in eradicating.
/// </summary>
internal static class BusyGetBenchmark
{
    private const int Samples = 5_000;

    private static readonly TimeSpan ScanCallLatency = TimeSpan.FromSeconds(2);

    public static async Task RunAsync(string name, string store)
    {
        await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions { Port = 0, Scenario = ContainedBenchmark.Scenario(1) }, CancellationToken.None);
        var outbox = Path.Combine(Path.GetTempPath(), $"credir-bench-outbox-{Guid.NewGuid():N}.db");
        var builder = ContainedBenchmark.CoordinatorAgainst(sandbox, store, outbox);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Incidents:VerificationWindow"] = "00:00:00.200",
            ["Incidents:VerificationPollInterval"] = "00:00:00.200",
        });
        builder.AddIdentificationServices();
        builder.AddContainmentServices();
        builder.AddEradicationServices();
        builder.AddIncidentServices();
        using var host = builder.Build();
        await host.StartAsync();
        try
        {
            var service = host.Services.GetRequiredService<CredIr.Contracts.V1.Incidents.IncidentsClient>();
            var caller = new CallOptions(new Metadata { { CredIr.Hosting.CallerHeaders.Caller, "bench" } });
            var opened = await service.OpenIncidentAsync(new OpenIncidentRequest
            {
                RequestId = "busy-get-" + Guid.NewGuid().ToString("N")[..8],
                Input = new IdentificationInput { AccessKeyId = ContainedBenchmark.KeyId(0) },
                AutoApprove = true,
            }, caller);
            var get = new GetIncidentRequest { IncidentId = opened.IncidentId };
            var advancing = service.AdvanceAsync(new AdvanceRequest { IncidentId = opened.IncidentId }, caller).ResponseAsync;
            var deadline = Stopwatch.StartNew();
            while ((await service.GetIncidentAsync(get, caller)).ContainedAt is null && deadline.Elapsed < TimeSpan.FromMinutes(1))
            {
                await Task.Delay(20);
            }

            sandbox.Faults.Set("cloudtrail", new FaultOptions { Latency = ScanCallLatency });
            var latencies = new List<double>();
            var during = Stopwatch.StartNew();
            while (latencies.Count < Samples && during.Elapsed < TimeSpan.FromMinutes(2))
            {
                var call = Stopwatch.StartNew();
                var incident = await service.GetIncidentAsync(get, caller);
                call.Stop();
                if (incident.Phase != Phase.Eradicating)
                {
                    if (latencies.Count > 0 || incident.Phase > Phase.Eradicating)
                    {
                        break;
                    }

                    continue;
                }

                latencies.Add(call.Elapsed.TotalMilliseconds);
            }

            sandbox.Faults.Clear("cloudtrail");
            await advancing;
            var sorted = latencies.Order().ToArray();
            Console.WriteLine(sorted.Length == 0
                ? $"{name}: get while the incident's scan runs: the incident never stayed in eradicating (nothing measured)"
                : $"{name}: get while the incident's scan runs ({ScanCallLatency.TotalSeconds:0} s per LookupEvents, {during.Elapsed.TotalSeconds:F1} s): {sorted.Length} gets, p50 {At(sorted, 0.50):F2} ms, p99 {At(sorted, 0.99):F2} ms, max {sorted[^1]:F2} ms");
        }
        finally
        {
            await host.StopAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(outbox);
        }
    }

    private static double At(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
}

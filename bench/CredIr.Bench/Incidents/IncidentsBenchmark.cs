using CredIr.Contracts.Calls;
using System.Diagnostics;
using System.Globalization;
using CredIr.Contracts.V1;
using Grpc.Core;
using CredIr.Incidents.Hosting;
using CredIr.Incidents.Service;
using CredIr.Incidents.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CredIr.Bench.Incidents;

/// <summary>
/// "incidents": the coordinator on each store. Opens incidents and drives each through every
/// phase transition plus notes (each change one ETag write and one evidence append), then
/// measures Get, the delay from a change to its watch notification (in the writing coordinator
/// and in a second coordinator on the same store), and incidents driven to "contained" against
/// the sandbox with the real phase services (<see cref="ContainedBenchmark"/>).
/// Usage: incidents [--incidents N] [--workers W] [--contained N] [--aws-limits] [--verification-window SECONDS] [--postgres CONNECTION] (or CREDIR_BENCH_POSTGRES).
/// </summary>
internal static class IncidentsBenchmark
{
    private static readonly Phase[] Path =
    [
        Phase.Identified, Phase.Containing, Phase.Contained, Phase.Eradicating,
        Phase.Eradicated, Phase.Recovering, Phase.Recovered,
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var incidents = Option(args, "--incidents", 300);
        var workers = Option(args, "--workers", 8);
        var contained = Option(args, "--contained", 200);
        var awsLimits = args.Contains("--aws-limits");
        // The coordinator's short containment watch holds each incident that long before "contained" (default 10 s).
        var verification = OptionText(args, "--verification-window") is { } window ? TimeSpan.FromSeconds(double.Parse(window, CultureInfo.InvariantCulture)) : (TimeSpan?)null;
        var postgres = OptionText(args, "--postgres") ?? Environment.GetEnvironmentVariable("CREDIR_BENCH_POSTGRES");
        var folder = Directory.CreateTempSubdirectory("credir-bench-").FullName;
        try
        {
            await RunStoreAsync("sqlite", "sqlite:" + System.IO.Path.Combine(folder, "credir.db"), incidents, workers);
            await ContainedBenchmark.RunAsync("sqlite", "sqlite:" + System.IO.Path.Combine(folder, "contained.db"), contained, workers, awsLimits, verification);
            await BusyGetBenchmark.RunAsync("sqlite", "sqlite:" + System.IO.Path.Combine(folder, "busy.db"));
            if (postgres is null)
            {
                Console.WriteLine("postgres: skipped (pass --postgres or set CREDIR_BENCH_POSTGRES)");
            }
            else
            {
                await RunStoreAsync("postgres", postgres, incidents, workers);
                await ContainedBenchmark.RunAsync("postgres", postgres, contained, workers, awsLimits, verification);
                await BusyGetBenchmark.RunAsync("postgres", postgres);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }

        return 0;
    }

    private static async Task RunStoreAsync(string name, string store, int incidents, int workers)
    {
        using var coordinator = await StartCoordinatorAsync(store);
        var provider = coordinator.Services;
        var service = provider.GetRequiredService<CredIr.Contracts.V1.Incidents.IncidentsClient>();
        var grains = provider.GetRequiredService<IGrainFactory>();
        var caller = new CallOptions(new Metadata { { CredIr.Hosting.CallerHeaders.Caller, "bench" } }, cancellationToken: CancellationToken.None);
        var run = Guid.NewGuid().ToString("N")[..8];

        // Every change below writes the document once and appends one evidence entry.
        var changesPerIncident = 1 + Path.Length + 2;
        var ids = new string[incidents];
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < incidents)
            {
                var opened = await service.OpenIncidentAsync(new OpenIncidentRequest
                {
                    RequestId = $"bench-{run}-{i}",
                    Input = new IdentificationInput { AccessKeyId = "AKIABENCH" + i.ToString("D11", CultureInfo.InvariantCulture) },
                }, caller);
                var grain = grains.GetGrain<CredIr.Incidents.Grains.IIncidentGrain>(opened.IncidentId);
                await service.AddNoteAsync(new AddNoteRequest { IncidentId = opened.IncidentId, Text = "triage started" }, caller);
                foreach (var phase in Path)
                {
                    await grain.TransitionAsync(phase, "bench", "bench", CancellationToken.None);
                }

                await service.AddNoteAsync(new AddNoteRequest { IncidentId = opened.IncidentId, Text = "done" }, caller);
                ids[i] = opened.IncidentId;
            }
        })));
        clock.Stop();
        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine($"{name}: {incidents} incidents x {changesPerIncident} changes with {workers} workers in {seconds:F2} s");
        Console.WriteLine($"{name}:   incidents/s {incidents / seconds:F1}   changes (ETag writes + evidence appends)/s {incidents * changesPerIncident / seconds:F1}");

        var gets = new List<double>();
        for (var i = 0; i < 2000; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await service.GetIncidentAsync(new GetIncidentRequest { IncidentId = ids[i % ids.Length] }, caller);
            gets.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        Console.WriteLine($"{name}:   get (active incident)   p50 {Percentile(gets, 0.50) * 1000:F1} us   p99 {Percentile(gets, 0.99) * 1000:F1} us");
        var (writes, notifications) = await WatchLatencyAsync(service, ids[0], caller);
        Console.WriteLine($"{name}:   change write            p50 {Percentile(writes, 0.50):F3} ms   p99 {Percentile(writes, 0.99):F3} ms");
        Console.WriteLine($"{name}:   change start -> watcher  p50 {Percentile(notifications, 0.50):F3} ms   p99 {Percentile(notifications, 0.99):F3} ms");

        if (name != "postgres")
        {
            return;
        }

        // A second silo of the same cluster: its watcher reads the incident's single activation on the first.
        using var other = await StartCoordinatorAsync(store);
        var remote = await CrossCoordinatorWatchAsync(service, other.Services.GetRequiredService<CredIr.Contracts.V1.Incidents.IncidentsClient>(), TimeSpan.FromMilliseconds(50), ids[1 % ids.Length], caller);
        Console.WriteLine($"{name}:   change start -> watcher on another silo  p50 {Percentile(remote, 0.50):F1} ms   p99 {Percentile(remote, 0.99):F1} ms");
    }

    private static async Task<IHost> StartCoordinatorAsync(string store)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Incidents:Store"] = store, ["Incidents:Silo:SiloPort"] = "0" });
        builder.AddIncidentServices();
        var host = builder.Build();
        await host.StartAsync();
        return host;
    }

    /// <summary>For each note written by <paramref name="writer"/>: how long until a watcher on <paramref name="watcher"/> held it.</summary>
    private static async Task<List<double>> CrossCoordinatorWatchAsync(CredIr.Contracts.V1.Incidents.IncidentsClient writer, CredIr.Contracts.V1.Incidents.IncidentsClient watcher, TimeSpan poll, string incidentId, CallOptions caller)
    {
        const int Changes = 20;
        using var stop = new CancellationTokenSource();
        var current = await watcher.GetIncidentAsync(new GetIncidentRequest { IncidentId = incidentId }, caller);
        await using var watch = watcher.WatchIncident(new WatchIncidentRequest { IncidentId = incidentId, FromVersion = current.Version }, new CallOptions(new Metadata { { CredIr.Hosting.CallerHeaders.Caller, "watcher" } }, cancellationToken: stop.Token)).Responses().GetAsyncEnumerator(stop.Token);
        var delays = new List<double>();
        for (var i = 0; i < Changes; i++)
        {
            var seen = watch.MoveNextAsync().AsTask().ContinueWith(
                static t => (t.Result, Stopwatch.GetTimestamp()), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            // Written at a random point of the watcher's poll period, as changes come in practice
            // (right after a delivery, each write would wait a whole period).
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(0, (int)poll.TotalMilliseconds)));
            var start = Stopwatch.GetTimestamp();
            await writer.AddNoteAsync(new AddNoteRequest { IncidentId = incidentId, Text = "remote " + i.ToString(CultureInfo.InvariantCulture) }, caller);
            var (arrived, at) = await seen;
            if (!arrived)
            {
                throw new InvalidOperationException("The other coordinator's watch ended before the change arrived.");
            }

            delays.Add(Stopwatch.GetElapsedTime(start, at).TotalMilliseconds);
        }

        await stop.CancelAsync();
        return delays;
    }

    /// <summary>For each note: how long the write took, and how long until a watcher held the new version.</summary>
    private static async Task<(List<double> Writes, List<double> Notifications)> WatchLatencyAsync(CredIr.Contracts.V1.Incidents.IncidentsClient service, string incidentId, CallOptions caller)
    {
        const int Changes = 500;
        using var stop = new CancellationTokenSource();
        var current = await service.GetIncidentAsync(new GetIncidentRequest { IncidentId = incidentId }, caller);
        var watchContext = new CallOptions(new Metadata { { CredIr.Hosting.CallerHeaders.Caller, "watcher" } }, cancellationToken: stop.Token);
        await using var watch = service.WatchIncident(new WatchIncidentRequest { IncidentId = incidentId, FromVersion = current.Version }, watchContext).Responses().GetAsyncEnumerator(stop.Token);
        var writes = new List<double>();
        var notifications = new List<double>();
        for (var i = 0; i < Changes; i++)
        {
            // Stamped when the watcher's read completes, not when this loop gets round to it.
            var seen = watch.MoveNextAsync().AsTask().ContinueWith(
                static t => (t.Result, Stopwatch.GetTimestamp()), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            var start = Stopwatch.GetTimestamp();
            await service.AddNoteAsync(new AddNoteRequest { IncidentId = incidentId, Text = "watch " + i.ToString(CultureInfo.InvariantCulture) }, caller);
            writes.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            var (arrived, at) = await seen;
            if (!arrived)
            {
                throw new InvalidOperationException("The watch ended before the change arrived.");
            }

            notifications.Add(Stopwatch.GetElapsedTime(start, at).TotalMilliseconds);
        }

        await stop.CancelAsync();
        return (writes, notifications);
    }

    private static double Percentile(List<double> values, double p)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
    }

    private static int Option(string[] args, string name, int fallback) =>
        OptionText(args, name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;

    private static string? OptionText(string[] args, string name)
    {
        var index = Array.IndexOf(args, name);
        return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
    }
}

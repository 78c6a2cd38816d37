using System.Globalization;
using System.Runtime.CompilerServices;

namespace CredIr.Bench.Grpc;

/// <summary>
/// Runs an operation from several concurrent callers for a fixed time and counts messages. A call
/// still running <see cref="Stall"/> after the time is up is cancelled and reported with what was
/// in flight, so a stuck call fails the benchmark instead of hanging it.
/// </summary>
internal static class Throughput
{
    public static readonly TimeSpan Stall = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Messages per second, and the process's CPU time (client and server) per message: on a machine
    /// others load, the CPU cost moves much less than the rate.
    /// </summary>
    public static async Task<(double Rate, double CpuMicroseconds)> MeasureAsync(string what, Func<CancellationToken, Task<int>> operation, int callers, TimeSpan duration)
    {
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var time = TimeProvider.System;
        using var stop = new CancellationTokenSource(duration, time);
        using var watchdog = new CancellationTokenSource(duration + Stall, time);
        var inFlight = new StrongBox<int>();
        var start = time.GetTimestamp();
        try
        {
            var counts = await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => LoopAsync(operation, inFlight, stop.Token, watchdog.Token)));
            var elapsed = time.GetElapsedTime(start);
            process.Refresh();
            var messages = counts.Sum();
            return (messages / elapsed.TotalSeconds, (process.TotalProcessorTime - cpuBefore).TotalMicroseconds / Math.Max(1, messages));
        }
        catch (Exception e) when (watchdog.IsCancellationRequested)
        {
            ThreadPool.GetAvailableThreads(out var workers, out var io);
            throw new TimeoutException(string.Create(
                CultureInfo.InvariantCulture,
                $"{what}: {Volatile.Read(ref inFlight.Value)} of {callers} callers still in a call {Stall.TotalSeconds:0} s after the {duration.TotalSeconds:0.#} s measurement ended " +
                $"(thread pool: {ThreadPool.ThreadCount} threads, {workers} workers / {io} I/O available, {ThreadPool.PendingWorkItemCount} queued); first error: {e.GetType().Name}: {e.Message}"), e);
        }
    }

    /// <summary>Bytes allocated by the process (client and server) per call, over sequential calls.</summary>
    public static async Task<long> AllocatedPerCallAsync(Func<CancellationToken, Task<int>> operation, int calls)
    {
        var before = GC.GetTotalAllocatedBytes(precise: true);
        for (var i = 0; i < calls; i++)
        {
            await operation(CancellationToken.None);
        }

        return (GC.GetTotalAllocatedBytes(precise: true) - before) / calls;
    }

    private static async Task<long> LoopAsync(Func<CancellationToken, Task<int>> operation, StrongBox<int> inFlight, CancellationToken stop, CancellationToken watchdog)
    {
        long messages = 0;
        while (!stop.IsCancellationRequested)
        {
            Interlocked.Increment(ref inFlight.Value);
            messages += await operation(watchdog);
            Interlocked.Decrement(ref inFlight.Value);
        }

        return messages;
    }
}

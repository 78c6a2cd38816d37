namespace CredIr.Bench.Grpc;

/// <summary>Runs an operation from several concurrent callers for a fixed time and counts messages.</summary>
internal static class Throughput
{
    public static async Task<double> MeasureAsync(Func<CancellationToken, Task<int>> operation, int callers, TimeSpan duration)
    {
        var time = TimeProvider.System;
        using var stop = new CancellationTokenSource(duration, time);
        var start = time.GetTimestamp();
        var counts = await Task.WhenAll(Enumerable.Range(0, callers).Select(_ => LoopAsync(operation, stop.Token)));
        var elapsed = time.GetElapsedTime(start);
        return counts.Sum() / elapsed.TotalSeconds;
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

    private static async Task<long> LoopAsync(Func<CancellationToken, Task<int>> operation, CancellationToken stop)
    {
        long messages = 0;
        while (!stop.IsCancellationRequested)
        {
            messages += await operation(CancellationToken.None);
        }

        return messages;
    }
}

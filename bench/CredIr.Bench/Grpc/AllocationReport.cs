using System.Globalization;

namespace CredIr.Bench.Grpc;

/// <summary>Where the bytes of a call go, by type, ours beside bare+protobuf (grpc --allocations).</summary>
internal static class AllocationReport
{
    public static async Task PrintAsync(string what, Func<CancellationToken, Task<int>> ours, Func<CancellationToken, Task<int>> bare, int calls)
    {
        using var sampler = new AllocationSampler();
        foreach (var (side, operation) in new[] { ("ours", ours), ("bare+protobuf", bare) })
        {
            sampler.Start();
            for (var i = 0; i < calls; i++)
            {
                await operation(CancellationToken.None);
            }

            var top = sampler.Stop();
            Console.WriteLine($"grpc: {what} allocations by type, {side} (sampled, bytes per call):");
            foreach (var (type, bytes) in top.Take(20))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"grpc:   {bytes / (double)calls,10:N0}  {type}"));
            }
        }
    }
}

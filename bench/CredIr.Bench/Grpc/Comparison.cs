using System.Globalization;

namespace CredIr.Bench.Grpc;

/// <summary>
/// Measures the same operation on every side in alternating short rounds (load from elsewhere on a
/// shared machine then hits every side alike), printing each round as it ends, then the median.
/// </summary>
internal sealed class Comparison(int rounds, TimeSpan duration)
{
    public async Task<(IReadOnlyDictionary<string, double> Rates, IReadOnlyDictionary<string, double> Cpu)> RunAsync(string what, IReadOnlyDictionary<string, Func<CancellationToken, Task<int>>> sides, int callers)
    {
        Console.WriteLine($"grpc: {what}: warming up");
        foreach (var (side, operation) in sides)
        {
            await Throughput.MeasureAsync($"{what} {side} warm-up", operation, callers, TimeSpan.FromSeconds(1));
        }

        var samples = sides.Keys.ToDictionary(s => s, _ => new List<double>());
        var cpu = sides.Keys.ToDictionary(s => s, _ => new List<double>());
        for (var round = 1; round <= rounds; round++)
        {
            foreach (var (side, operation) in sides)
            {
                var (rate, micros) = await Throughput.MeasureAsync($"{what} {side} round {round}", operation, callers, duration / rounds);
                samples[side].Add(rate);
                cpu[side].Add(micros);
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"grpc: {what} round {round}/{rounds}: {string.Join("  ", samples.Select(s => $"{s.Key} {s.Value[^1],10:N0} ({cpu[s.Key][^1]:0.00} us cpu)"))}"));
        }

        var medians = samples.ToDictionary(s => s.Key, s => Median(s.Value));
        var cpuMedians = cpu.ToDictionary(s => s.Key, s => Median(s.Value));
        var oursBytes = await Throughput.AllocatedPerCallAsync(sides["ours"], 200);
        var bareBytes = await Throughput.AllocatedPerCallAsync(sides["bare+protobuf"], 200);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"grpc: {what,-20} median  {string.Join("  ", medians.Select(m => $"{m.Key} {m.Value,10:N0}"))}  (bare+protobuf)/ours {medians["bare+protobuf"] / medians["ours"]:0.00}x  bare/ours {medians["bare"] / medians["ours"]:0.00}x"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"grpc: {what,-20} allocated per call (client + server): ours {oursBytes:N0} B, bare+protobuf {bareBytes:N0} B"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"grpc: {what,-20} cpu per message (client + server, median): {string.Join("  ", cpuMedians.Select(m => $"{m.Key} {m.Value:0.00} us"))}  ours/(bare+protobuf) {cpuMedians["ours"] / cpuMedians["bare+protobuf"]:0.00}x"));
        return (medians, cpuMedians);
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}

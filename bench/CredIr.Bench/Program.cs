using CredIr.Bench.Grpc;
using CredIr.Bench.Sandbox;

// A benchmark is chosen by its name, the first argument.
var benchmarks = new Dictionary<string, Func<string[], Task<int>>>(StringComparer.OrdinalIgnoreCase)
{
    ["gateway"] = CredIr.Bench.Gateway.GatewayBenchmark.RunAsync,
    ["grpc"] = GrpcBenchmark.RunAsync,
    ["incidents"] = CredIr.Bench.Incidents.IncidentsBenchmark.RunAsync,
    ["failover"] = CredIr.Bench.Incidents.FailoverBenchmark.RunAsync,
    ["sandbox-lookup"] = a => SandboxLookupBenchmark.RunAsync(a, CancellationToken.None),
    ["logfiles"] = CredIr.Bench.LogFiles.LogFilesBenchmark.RunAsync,
    ["fanout"] = CredIr.Bench.FanOut.FanOutBenchmark.RunAsync,
    ["athena"] = CredIr.Bench.Athena.AthenaBenchmark.RunAsync,
    ["contain"] = CredIr.Bench.Contain.ContainBenchmark.RunAsync,
};

if (args.Length == 0 || !benchmarks.TryGetValue(args[0], out var run))
{
    Console.Error.WriteLine($"usage: CredIr.Bench <{string.Join('|', benchmarks.Keys)}> [options]");
    return 2;
}

return await run(args[1..]);

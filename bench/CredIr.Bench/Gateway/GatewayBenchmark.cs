using CredIr.Contracts.Calls;
using CredIr.Hosting;
using Grpc.Net.Client;
using System.Diagnostics;
using System.Text;
using CredIr.Contracts.V1;
using CredIr.Gateway;
using Grpc.Core;
using CredIr.Incidents.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace CredIr.Bench.Gateway;

/// <summary>
/// "gateway": unary GetIncident straight to the Incidents host, through the gateway (JWT check,
/// rate limiter, audit line, HTTP/2 hop), and through a gateway serving Incidents in its own
/// process (no hop), same run, on loopback: latency p50/p99 one call at a time, then calls/s with
/// concurrent callers. Usage: gateway [--calls N] [--workers W].
/// </summary>
internal static class GatewayBenchmark
{
    private const string SigningKey = "bench-gateway-signing-key-0123456789abcdef";

    public static async Task<int> RunAsync(string[] args)
    {
        var calls = Option(args, "--calls", 5000);
        var workers = Option(args, "--workers", 16);
        var folder = Directory.CreateTempSubdirectory("credir-bench-gateway-").FullName;
        try
        {
            await using var backend = await StartBackendAsync(Path.Combine(folder, "incidents.db"));
            await using var gateway = await StartGatewayAsync(backend.Urls.First(), inProcessDatabase: null);
            await using var inProcess = await StartGatewayAsync(backend: null, Path.Combine(folder, "in-process.db"));
            using var direct = GrpcChannel.ForAddress(backend.Urls.First());
            using var through = GrpcChannel.ForAddress(gateway.Urls.First());
            using var within = GrpcChannel.ForAddress(inProcess.Urls.First());
            var headers = new Metadata { { "authorization", "Bearer " + Token() } };
            var shared = await OpenAsync(direct, headers);
            var own = await OpenAsync(within, new Metadata { { "authorization", "Bearer " + Token("responder") } });
            Console.WriteLine($"gateway: {calls} sequential calls then {calls} calls from {workers} callers per line; load average {CredIr.Bench.Grpc.GrpcBenchmark.LoadAverage()}");

            var targets = new[] { ("direct", direct, shared), ("gateway", through, shared), ("in-proc", within, own) };
            foreach (var (name, channel, request) in targets.Concat(targets))
            {
                var client = new CredIr.Contracts.V1.Incidents.IncidentsClient(channel);
                var latencies = await SequentialAsync(client, request, headers, calls);
                var perSecond = await ConcurrentAsync(client, request, headers, calls, workers);
                Console.WriteLine($"{name,-8} unary GetIncident  p50 {Percentile(latencies, 0.50):F3} ms  p99 {Percentile(latencies, 0.99):F3} ms  {perSecond:F0} calls/s ({workers} callers)");
            }

            Console.WriteLine($"gateway: load average {CredIr.Bench.Grpc.GrpcBenchmark.LoadAverage()}");
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }

        return 0;
    }

    private static async Task<GetIncidentRequest> OpenAsync(GrpcChannel channel, Metadata headers)
    {
        var opened = await new CredIr.Contracts.V1.Incidents.IncidentsClient(channel).OpenIncidentAsync(
            new OpenIncidentRequest { RequestId = "bench", Input = new IdentificationInput { AccessKeyId = "AKIABENCH0000000001" } }, new CallOptions(headers, Deadlines.After(TimeSpan.FromMinutes(1))));
        return new GetIncidentRequest { IncidentId = opened.IncidentId };
    }

    private static async Task<List<double>> SequentialAsync(CredIr.Contracts.V1.Incidents.IncidentsClient client, GetIncidentRequest request, Metadata headers, int calls)
    {
        var latencies = new List<double>(calls);
        for (var i = 0; i < calls; i++)
        {
            var start = Stopwatch.GetTimestamp();
            await client.GetIncidentAsync(request, new CallOptions(headers, Deadlines.After(TimeSpan.FromMinutes(1))));
            latencies.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        return latencies;
    }

    private static async Task<double> ConcurrentAsync(CredIr.Contracts.V1.Incidents.IncidentsClient client, GetIncidentRequest request, Metadata headers, int calls, int workers)
    {
        var remaining = calls;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            while (Interlocked.Decrement(ref remaining) >= 0)
            {
                await client.GetIncidentAsync(request, new CallOptions(headers, Deadlines.After(TimeSpan.FromMinutes(1))));
            }
        })));
        return calls / clock.Elapsed.TotalSeconds;
    }

    private static async Task<WebApplication> StartBackendAsync(string database)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Incidents:Store"] = "sqlite:" + database });
        builder.AddCredIrGrpcHost();
        builder.AddIncidentServices();
        var app = builder.Build();
        app.MapGrpcService<CredIr.Contracts.V1.Incidents.IncidentsBase>();
        app.MapGrpcInfrastructure();
        await app.StartAsync();
        return app;
    }

    /// <summary>A gateway forwarding to <paramref name="backend"/>, or serving Incidents itself with <paramref name="inProcessDatabase"/>.</summary>
    private static async Task<WebApplication> StartGatewayAsync(string? backend, string? inProcessDatabase)
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var settings = new Dictionary<string, string?>
        {
            ["Gateway:CallerKey"] = "bench-caller-key-0123456789",
            ["Gateway:Auth:Issuer"] = "bench",
            ["Gateway:Auth:Audience"] = "credir",
            ["Gateway:Auth:SigningKey"] = SigningKey,
            ["Gateway:RateLimit:TokenLimit"] = "1000000",
            ["Gateway:RateLimit:TokensPerPeriod"] = "1000000",
            ["Gateway:RateLimit:AddressTokenLimit"] = "1000000",
            ["Gateway:RateLimit:AddressTokensPerPeriod"] = "1000000",
        };
        if (backend is not null)
        {
            settings["Gateway:Services:Incidents:Addresses:0"] = backend;
        }

        if (inProcessDatabase is not null)
        {
            settings["Incidents:Store"] = "sqlite:" + inProcessDatabase;
        }

        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddGateway();
        if (inProcessDatabase is not null)
        {
            builder.AddIncidentServices();
        }

        var app = builder.Build();
        app.MapGateway();
        await app.StartAsync();
        return app;
    }

    private static string Token(string role = "viewer") => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = "bench",
        Audience = "credir",
        Expires = DateTime.UtcNow.AddHours(1),
        Claims = new Dictionary<string, object> { ["sub"] = "bench", ["roles"] = role },
        SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(SigningKey)), SecurityAlgorithms.HmacSha256),
    });

    private static double Percentile(List<double> values, double p)
    {
        values.Sort();
        return values[Math.Min(values.Count - 1, (int)(p * values.Count))];
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], System.Globalization.CultureInfo.InvariantCulture) : fallback;
    }
}

using System.Globalization;
using CredIr.Bench.Grpc.V1;
using CredIr.Contracts.Calls;
using CredIr.Hosting;
using Grpc.Core;
using Grpc.Net.Client;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CredIr.Bench.Grpc;

/// <summary>
/// Unary round trips/s and server-streamed messages/s through Grpc.AspNetCore and Grpc.Net.Client (the
/// generated client against MapGrpcService, hosted as every CredIr service is: AddCredIrGrpcHost) and
/// through bare Kestrel handlers writing the same frames and trailers (the ceiling), on one loopback
/// HTTP/2 server and one SocketsHttpHandler. Responses are uncompressed, as the bare ones are, unless
/// --gzip (the services' default, Grpc:CompressResponses) is given.
/// Usage: grpc [--seconds S] [--rounds R] [--allocations] [--gzip].
/// </summary>
internal static class GrpcBenchmark
{
    private const int UnaryCallers = 32;
    private const int StreamCallers = 4;
    private const int StreamLength = 2_000;

    // Far above any call's time: a call stuck this long is a failure the comparison reports.
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(60);

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = Option(args, "--seconds", 4);
        var rounds = (int)Option(args, "--rounds", 5);
        var duration = TimeSpan.FromSeconds(seconds);
        var payload = new Payload { Data = ByteString.CopyFrom(new byte[64]) };
        var replyFrame = Frame(payload);

        var builder = WebApplication.CreateBuilder(["--urls", "http://127.0.0.1:0"]);
        builder.Logging.ClearProviders();
        builder.Configuration["Grpc:CompressResponses"] = args.Contains("--gzip") ? "true" : "false";
        builder.AddCredIrGrpcHost();
        builder.Services.AddSingleton<BenchService>();
        await using var app = builder.Build();
        app.MapGrpcService<BenchService>();
        var bare = new BareEndpoints(replyFrame, message: null, StreamLength);
        app.MapPost("/bare/Ping", bare.PingAsync);
        app.MapPost("/bare/Stream", bare.StreamAsync);
        var bareProto = new BareEndpoints(replyFrame, payload, StreamLength);
        app.MapPost("/bare-protobuf/Ping", bareProto.PingAsync);
        app.MapPost("/bare-protobuf/Stream", bareProto.StreamAsync);
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());

        // The same service on Grpc.AspNetCore with nothing of ours (no interceptors, request checks or options): what
        // the library itself costs, so the figures say how much of the gap to bare Kestrel is ours.
        var plainBuilder = WebApplication.CreateBuilder(["--urls", "http://127.0.0.1:0"]);
        plainBuilder.Logging.ClearProviders();
        plainBuilder.WebHost.ConfigureKestrel(k => k.ConfigureEndpointDefaults(e => e.Protocols = Microsoft.AspNetCore.Server.Kestrel.Core.HttpProtocols.Http2));
        plainBuilder.Services.AddGrpc();
        plainBuilder.Services.AddSingleton<BenchService>();
        await using var plain = plainBuilder.Build();
        plain.MapGrpcService<BenchService>();
        await plain.StartAsync();
        var plainAddress = new Uri(plain.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());

        using var handler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true, UseProxy = false };
        using var channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpHandler = handler });
        using var http = new HttpMessageInvoker(handler, disposeHandler: false);
        var client = new V1.Bench.BenchClient(channel);
        using var plainChannel = GrpcChannel.ForAddress(plainAddress, new GrpcChannelOptions { HttpHandler = handler });
        var plainClient = new V1.Bench.BenchClient(plainChannel);
        var streamRequest = new StreamRequest { Count = StreamLength, Data = payload.Data };
        var streamFrame = Frame(streamRequest);
        var bareUnary = new BareClient(http, replyFrame, parser: null);
        var bareStream = new BareClient(http, streamFrame, parser: null);
        var protoUnary = new BareClient(http, replyFrame, Payload.Parser);
        var protoStream = new BareClient(http, streamFrame, Payload.Parser);

        async Task<int> UnaryOn(V1.Bench.BenchClient on, CancellationToken ct)
        {
            await on.PingAsync(payload, deadline: Deadlines.After(CallTimeout), cancellationToken: ct);
            return 1;
        }

        async Task<int> StreamOn(V1.Bench.BenchClient on, CancellationToken ct)
        {
            var count = 0;
            await foreach (var _ in on.Stream(streamRequest, deadline: Deadlines.After(CallTimeout), cancellationToken: ct).Responses(ct))
            {
                count++;
            }

            return count;
        }

        Uri barePing = new(address, "/bare/Ping"), bareStreamUri = new(address, "/bare/Stream");
        Uri protoPing = new(address, "/bare-protobuf/Ping"), protoStreamUri = new(address, "/bare-protobuf/Stream");
        var sides = new Dictionary<string, (Func<CancellationToken, Task<int>> Unary, Func<CancellationToken, Task<int>> Stream)>
        {
            ["ours"] = (ct => UnaryOn(client, ct), ct => StreamOn(client, ct)),
            ["grpc-dotnet"] = (ct => UnaryOn(plainClient, ct), ct => StreamOn(plainClient, ct)),
            ["bare"] = (ct => bareUnary.CallAsync(barePing, ct), ct => bareStream.CallAsync(bareStreamUri, ct)),
            ["bare+protobuf"] = (ct => protoUnary.CallAsync(protoPing, ct), ct => protoStream.CallAsync(protoStreamUri, ct)),
        };

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"grpc: {UnaryCallers} unary callers, {StreamCallers} streams of {StreamLength} x {payload.CalculateSize()}-byte messages, {rounds} rounds, {seconds:0.#} s per figure, load average {LoadAverage()}"));
        var comparison = new Comparison(rounds, duration);
        var unary = await comparison.RunAsync("unary round trips/s", sides.ToDictionary(s => s.Key, s => s.Value.Unary), UnaryCallers);
        var streaming = await comparison.RunAsync("streamed messages/s", sides.ToDictionary(s => s.Key, s => s.Value.Stream), StreamCallers);
        if (args.Contains("--allocations"))
        {
            await AllocationReport.PrintAsync("unary", sides["ours"].Unary, sides["bare+protobuf"].Unary, 20_000);
            await AllocationReport.PrintAsync("stream", sides["ours"].Stream, sides["bare+protobuf"].Stream, 20);
        }

        using (var stopping = new CancellationTokenSource(TimeSpan.FromSeconds(10)))
        {
            await app.StopAsync(stopping.Token);
            await plain.StopAsync(stopping.Token);
        }

        Console.WriteLine($"grpc: target within 1.3x of bare+protobuf (same bytes, same protobuf work): unary {Verdict(unary)}, streaming {Verdict(streaming)}; load average {LoadAverage()}");
        return 0;
    }

    /// <summary>The 1-, 5- and 15-minute load averages, when the OS says (Linux).</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static string Verdict((IReadOnlyDictionary<string, double> Rates, IReadOnlyDictionary<string, double> Cpu) figures)
    {
        var (rates, cpu) = figures;
        var ratio = rates["bare+protobuf"] / rates["ours"];
        return string.Create(CultureInfo.InvariantCulture,
            $"{(ratio <= 1.3 ? "met" : "missed")} ({ratio:0.00}x in rate, {cpu["ours"] / cpu["bare+protobuf"]:0.00}x in cpu per message; {rates["bare"] / rates["ours"]:0.00}x of bare bytes; Grpc.AspNetCore alone {rates["bare+protobuf"] / rates["grpc-dotnet"]:0.00}x, ours over it {rates["grpc-dotnet"] / rates["ours"]:0.00}x)");
    }

    private static double Option(string[] args, string name, double fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? double.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    private static byte[] Frame(IMessage message)
    {
        var body = message.ToByteArray();
        var frame = new byte[5 + body.Length];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)body.Length);
        body.CopyTo(frame, 5);
        return frame;
    }
}

using System.Globalization;
using CredIr.Bench.Grpc.V1;
using CredIr.Grpc;
using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CredIr.Bench.Grpc;

/// <summary>
/// Unary round trips/s and server-streamed messages/s through our gRPC layer (GrpcChannel and the
/// contract proxy against MapGrpcService) and through bare Kestrel handlers writing the same
/// frames and trailers (the ceiling), on one loopback HTTP/2 server and one SocketsHttpHandler.
/// </summary>
internal static class GrpcBenchmark
{
    private const int UnaryCallers = 32;
    private const int StreamCallers = 4;
    private const int StreamLength = 2_000;
    private const int Rounds = 5;

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = args.Length > 1 && args[0] == "--seconds" ? double.Parse(args[1], CultureInfo.InvariantCulture) : 4;
        var duration = TimeSpan.FromSeconds(seconds);
        var payload = new Payload { Data = ByteString.CopyFrom(new byte[64]) };
        var replyFrame = Frame(payload);

        var builder = WebApplication.CreateBuilder(["--urls", "http://127.0.0.1:0"]);
        builder.Logging.ClearProviders();
        builder.AddCredIrGrpcHost();
        builder.Services.AddSingleton<IBenchService, BenchService>();
        await using var app = builder.Build();
        app.MapGrpcService<IBenchService>();
        var bare = new BareEndpoints(replyFrame, message: null, StreamLength);
        app.MapPost("/bare/Ping", bare.PingAsync);
        app.MapPost("/bare/Stream", bare.StreamAsync);
        var bareProto = new BareEndpoints(replyFrame, payload, StreamLength);
        app.MapPost("/bare-protobuf/Ping", bareProto.PingAsync);
        app.MapPost("/bare-protobuf/Stream", bareProto.StreamAsync);
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single());

        using var handler = new SocketsHttpHandler { EnableMultipleHttp2Connections = true, UseProxy = false };
        using var channel = GrpcChannel.ForAddress(address, new GrpcChannelOptions { HttpHandler = handler });
        using var http = new HttpMessageInvoker(handler, disposeHandler: false);
        var client = channel.CreateClient<IBenchService>();
        var streamFrame = Frame(new StreamRequest { Count = StreamLength, Data = payload.Data });
        var bareUnary = new BareClient(http, replyFrame, parser: null);
        var bareStream = new BareClient(http, streamFrame, parser: null);
        var protoUnary = new BareClient(http, replyFrame, Payload.Parser);
        var protoStream = new BareClient(http, streamFrame, Payload.Parser);

        async Task<int> OursUnary(CancellationToken ct)
        {
            await client.PingAsync(payload, new CallContext(cancellationToken: ct));
            return 1;
        }

        async Task<int> OursStream(CancellationToken ct)
        {
            var count = 0;
            await foreach (var _ in client.StreamAsync(new StreamRequest { Count = StreamLength, Data = payload.Data }, new CallContext(cancellationToken: ct)))
            {
                count++;
            }

            return count;
        }

        Task<int> BareUnary(CancellationToken ct) => bareUnary.CallAsync(new Uri(address, "/bare/Ping"), ct);
        Task<int> BareStream(CancellationToken ct) => bareStream.CallAsync(new Uri(address, "/bare/Stream"), ct);
        Task<int> ProtoUnary(CancellationToken ct) => protoUnary.CallAsync(new Uri(address, "/bare-protobuf/Ping"), ct);
        Task<int> ProtoStream(CancellationToken ct) => protoStream.CallAsync(new Uri(address, "/bare-protobuf/Stream"), ct);

        var warmUp = TimeSpan.FromSeconds(Math.Min(1, seconds));
        Console.WriteLine($"grpc: {UnaryCallers} unary callers, {StreamCallers} streams of {StreamLength} x {payload.CalculateSize()}-byte messages, {seconds:0.#} s per figure");
        var unary = await CompareAsync("unary round trips/s", OursUnary, BareUnary, ProtoUnary, UnaryCallers, warmUp, duration);
        var streaming = await CompareAsync("streamed messages/s", OursStream, BareStream, ProtoStream, StreamCallers, warmUp, duration);
        await app.StopAsync();
        Console.WriteLine($"grpc: target within 1.3x of bare: unary {Verdict(unary)}, streaming {Verdict(streaming)}");
        return 0;
    }

    private static string Verdict((double Bare, double Protobuf) ratio) =>
        string.Create(CultureInfo.InvariantCulture, $"{(ratio.Bare <= 1.3 ? "met" : "missed")} ({ratio.Bare:0.00}x; {ratio.Protobuf:0.00}x of bare+protobuf)");

    private static async Task<(double Bare, double Protobuf)> CompareAsync(
        string what,
        Func<CancellationToken, Task<int>> ours,
        Func<CancellationToken, Task<int>> bare,
        Func<CancellationToken, Task<int>> proto,
        int callers,
        TimeSpan warmUp,
        TimeSpan duration)
    {
        await Throughput.MeasureAsync(ours, callers, warmUp);
        await Throughput.MeasureAsync(bare, callers, warmUp);
        await Throughput.MeasureAsync(proto, callers, warmUp);

        // The machine is shared: alternate short rounds so that load from elsewhere hits every side alike.
        double oursRate = 0, bareRate = 0, protoRate = 0;
        for (var round = 0; round < Rounds; round++)
        {
            oursRate += await Throughput.MeasureAsync(ours, callers, duration / Rounds) / Rounds;
            bareRate += await Throughput.MeasureAsync(bare, callers, duration / Rounds) / Rounds;
            protoRate += await Throughput.MeasureAsync(proto, callers, duration / Rounds) / Rounds;
        }
        var oursBytes = await Throughput.AllocatedPerCallAsync(ours, 200);
        var bareBytes = await Throughput.AllocatedPerCallAsync(bare, 200);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"grpc: {what,-20} allocated per call (client + server): ours {oursBytes:N0} B, bare {bareBytes:N0} B"));
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"grpc: {what,-20} ours {oursRate,10:N0}  bare {bareRate,10:N0}  bare+protobuf {protoRate,10:N0}  bare/ours {bareRate / oursRate:0.00}x  (bare+protobuf)/ours {protoRate / oursRate:0.00}x"));
        return (bareRate / oursRate, protoRate / oursRate);
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

using CredIr.Hosting.Tests.Echo;
using CredIr.Hosting.Tests.Support;
using Grpc.Core;
using Grpc.Net.Client;

namespace CredIr.Hosting.Tests.Server;

/// <summary>
/// Server streams coalesce messages that are ready into fewer flushes, but a message after which the producer waits
/// (a watch between changes, a scan waiting on AWS) reaches the reader at once.
/// </summary>
public sealed class StreamingTests(EchoHost host) : IClassFixture<EchoHost>, IDisposable
{
    private readonly GrpcChannel _channel = GrpcChannel.ForAddress(host.Address);

    [Fact]
    public async Task Stream_ProducerWaitsAfterABurst_TheBurstArrivesBeforeTheProducerGoesOn()
    {
        using var call = new Echo.Echo.EchoClient(_channel).Count(
            new EchoRequest { Text = "m", Count = 300, HoldAfter = 250 }, deadline: DateTime.UtcNow.AddSeconds(30));
        var read = new List<int>();

        // The producer holds after 250 messages until the reader has them all: had the last of the burst stayed in
        // the server's buffer, this read would wait for the deadline.
        while (read.Count < 250 && await call.ResponseStream.MoveNext(CancellationToken.None))
        {
            read.Add(call.ResponseStream.Current.Index);
        }

        host.Probe.Gate.Release();
        while (await call.ResponseStream.MoveNext(CancellationToken.None))
        {
            read.Add(call.ResponseStream.Current.Index);
        }

        Assert.Equal(Enumerable.Range(0, 300), read);
        Assert.Equal(StatusCode.OK, call.GetStatus().StatusCode);
    }

    [Fact]
    public async Task Stream_LargerThanTheFlushThreshold_EveryMessageArrivesInOrder()
    {
        var payload = Google.Protobuf.ByteString.CopyFrom(new byte[1000]);
        using var call = new Echo.Echo.EchoClient(_channel).Count(
            new EchoRequest { Text = "m", Count = 500, Payload = payload }, deadline: DateTime.UtcNow.AddSeconds(30));
        var read = new List<int>();

        await foreach (var reply in call.ResponseStream.ReadAllAsync())
        {
            read.Add(reply.Index);
        }

        Assert.Equal(Enumerable.Range(0, 500), read);
    }

    public void Dispose() => _channel.Dispose();
}

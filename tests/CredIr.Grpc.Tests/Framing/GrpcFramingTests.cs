using System.Buffers;
using CredIr.Grpc.Internal;
using CredIr.Grpc.Tests.Echo;

namespace CredIr.Grpc.Tests.Framing;

public sealed class GrpcFramingTests
{
    private const int Max = 4 * 1024 * 1024;

    [Fact]
    public void WriteMessage_PrefixesFlagZeroAndBigEndianLength()
    {
        var writer = new ArrayBufferWriter<byte>();
        var message = new EchoRequest { Text = new string('a', 300) };

        GrpcFraming.WriteMessage(writer, message, Max);

        var bytes = writer.WrittenSpan;
        Assert.Equal(0, bytes[0]);
        Assert.Equal(message.CalculateSize(), (bytes[1] << 24) | (bytes[2] << 16) | (bytes[3] << 8) | bytes[4]);
        Assert.Equal(5 + message.CalculateSize(), bytes.Length);
    }

    [Fact]
    public void TryReadFrame_FrameSplitAcrossSegments_ReadsTheWholeMessage()
    {
        var writer = new ArrayBufferWriter<byte>();
        GrpcFraming.WriteMessage(writer, new EchoRequest { Text = "split" }, Max);
        var buffer = Segments.Split(writer.WrittenSpan.ToArray(), 1, 2, 3);

        Assert.True(GrpcFraming.TryReadFrame(ref buffer, Max, out var compressed, out var payload));

        Assert.False(compressed);
        Assert.Equal("split", EchoRequest.Parser.ParseFrom(payload).Text);
        Assert.Equal(0, buffer.Length);
    }

    [Fact]
    public void TryReadFrame_PartialFrame_AsksForMoreAndLeavesTheBuffer()
    {
        var writer = new ArrayBufferWriter<byte>();
        GrpcFraming.WriteMessage(writer, new EchoRequest { Text = "partial" }, Max);
        var buffer = new ReadOnlySequence<byte>(writer.WrittenMemory[..^1]);

        Assert.False(GrpcFraming.TryReadFrame(ref buffer, Max, out _, out _));
        Assert.Equal(writer.WrittenCount - 1, buffer.Length);
    }

    [Fact]
    public void TryReadFrame_TwoFramesInOneRead_ReadsThemOneAtATime()
    {
        var writer = new ArrayBufferWriter<byte>();
        GrpcFraming.WriteMessage(writer, new EchoRequest { Text = "one" }, Max);
        GrpcFraming.WriteMessage(writer, new EchoRequest { Text = "two" }, Max);
        var buffer = new ReadOnlySequence<byte>(writer.WrittenMemory);

        Assert.True(GrpcFraming.TryReadFrame(ref buffer, Max, out _, out var first));
        Assert.True(GrpcFraming.TryReadFrame(ref buffer, Max, out _, out var second));

        Assert.Equal("one", EchoRequest.Parser.ParseFrom(first).Text);
        Assert.Equal("two", EchoRequest.Parser.ParseFrom(second).Text);
    }

    [Fact]
    public void TryReadFrame_FlagOtherThanZeroOrOne_IsInternal()
    {
        var buffer = new ReadOnlySequence<byte>(new byte[] { 2, 0, 0, 0, 0 });

        var error = Assert.Throws<RpcException>(() => GrpcFraming.TryReadFrame(ref buffer, Max, out _, out _));

        Assert.Equal(StatusCode.Internal, error.Status);
    }

    [Fact]
    public void TryReadFrame_LengthOverTheLimit_IsResourceExhaustedFromTheHeaderAlone()
    {
        var buffer = new ReadOnlySequence<byte>(new byte[] { 0, 0, 0, 1, 0 });

        var error = Assert.Throws<RpcException>(() => GrpcFraming.TryReadFrame(ref buffer, 255, out _, out _));

        Assert.Equal(StatusCode.ResourceExhausted, error.Status);
    }

    [Fact]
    public void CompressedFrame_WithGzipNegotiated_RoundTrips()
    {
        var writer = new ArrayBufferWriter<byte>();
        GrpcFraming.WriteCompressedMessage(writer, new EchoRequest { Text = new string('z', 10_000) }, Max);
        var buffer = new ReadOnlySequence<byte>(writer.WrittenMemory);

        Assert.True(GrpcFraming.TryReadFrame(ref buffer, Max, out var compressed, out var payload));
        var message = GrpcFraming.Parse(payload, compressed, gzipNegotiated: true, EchoRequest.Parser, "credir.test.v1.EchoRequest", Max);

        Assert.True(compressed);
        Assert.True(writer.WrittenCount < 1_000);
        Assert.Equal(10_000, message.Text.Length);
    }

    [Fact]
    public void CompressedFrame_DecompressingPastTheLimit_IsResourceExhausted()
    {
        var writer = new ArrayBufferWriter<byte>();
        GrpcFraming.WriteCompressedMessage(writer, new EchoRequest { Text = new string('z', 100_000) }, Max);
        var buffer = new ReadOnlySequence<byte>(writer.WrittenMemory);
        Assert.True(GrpcFraming.TryReadFrame(ref buffer, 10_000, out var compressed, out var payload));

        var error = Assert.Throws<RpcException>(() => GrpcFraming.Parse(payload, compressed, true, EchoRequest.Parser, "x", 10_000));

        Assert.Equal(StatusCode.ResourceExhausted, error.Status);
    }

    [Fact]
    public void Parse_InvalidProtobuf_IsInvalidArgumentNamingTheMessage()
    {
        var error = Assert.Throws<RpcException>(() =>
            GrpcFraming.Parse(new ReadOnlySequence<byte>([0xFF, 0xFF, 0xFF]), false, false, EchoRequest.Parser, "credir.test.v1.EchoRequest", Max));

        Assert.Equal(StatusCode.InvalidArgument, error.Status);
        Assert.StartsWith("could not parse credir.test.v1.EchoRequest: ", error.Message, StringComparison.Ordinal);
    }
}

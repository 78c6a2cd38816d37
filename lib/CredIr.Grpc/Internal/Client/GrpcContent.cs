using System.Buffers;
using System.Net;
using Google.Protobuf;

namespace CredIr.Grpc.Internal.Client;

/// <summary>
/// A request body of exactly one length-prefixed message. Small messages (the usual request) are
/// framed into an exact array once and written without a state machine; large ones go through a
/// pooled buffer, so they never land on the large object heap.
/// </summary>
internal sealed class GrpcContent : HttpContent
{
    private const int PooledFrom = 16 * 1024;
    private readonly IMessage _message;
    private readonly bool _compress;
    private readonly int _maxMessageSize;

    public GrpcContent(IMessage message, bool compress, int maxMessageSize)
    {
        _message = message;
        _compress = compress;
        _maxMessageSize = maxMessageSize;
        Headers.TryAddWithoutValidation("content-type", GrpcProtocol.ContentType);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        if (_compress)
        {
            return WriteCompressedAsync(stream, cancellationToken);
        }

        var size = _message.CalculateSize();
        if (size > _maxMessageSize)
        {
            return Task.FromException(new RpcException(StatusCode.ResourceExhausted, $"Sending message larger than max ({size} vs. {_maxMessageSize})."));
        }

        if (size >= PooledFrom)
        {
            return WritePooledAsync(stream, size, cancellationToken);
        }

        var frame = new byte[GrpcProtocol.HeaderSize + size];
        GrpcFraming.WriteHeader(frame, compressed: false, size);
        _message.WriteTo(frame.AsSpan(GrpcProtocol.HeaderSize));
        return stream.WriteAsync(frame, 0, frame.Length, cancellationToken);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }

    private async Task WriteCompressedAsync(Stream stream, CancellationToken cancellationToken)
    {
        using var compressed = new PooledBufferWriter();
        GrpcFraming.WriteCompressedMessage(compressed, _message, _maxMessageSize);
        await stream.WriteAsync(compressed.WrittenMemory, cancellationToken).ConfigureAwait(false);
    }

    private async Task WritePooledAsync(Stream stream, int size, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(GrpcProtocol.HeaderSize + size);
        try
        {
            GrpcFraming.WriteHeader(buffer, compressed: false, size);
            _message.WriteTo(buffer.AsSpan(GrpcProtocol.HeaderSize, size));
            await stream.WriteAsync(buffer.AsMemory(0, GrpcProtocol.HeaderSize + size), cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}

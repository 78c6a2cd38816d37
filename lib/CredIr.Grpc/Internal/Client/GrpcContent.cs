using System.Buffers;
using System.Net;
using Google.Protobuf;

namespace CredIr.Grpc.Internal.Client;

/// <summary>A request body of exactly one length-prefixed message, serialized into a pooled buffer.</summary>
internal sealed class GrpcContent : HttpContent
{
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

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        if (_compress)
        {
            using var compressed = new PooledBufferWriter();
            GrpcFraming.WriteCompressedMessage(compressed, _message, _maxMessageSize);
            await stream.WriteAsync(compressed.WrittenMemory, cancellationToken).ConfigureAwait(false);
            return;
        }

        var size = _message.CalculateSize();
        if (size > _maxMessageSize)
        {
            throw new RpcException(StatusCode.ResourceExhausted, $"Sending message larger than max ({size} vs. {_maxMessageSize}).");
        }

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

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}

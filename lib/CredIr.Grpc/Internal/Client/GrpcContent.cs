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
        using var buffer = new PooledBufferWriter();
        GrpcFraming.Write(buffer, _message, _compress, _maxMessageSize);
        await stream.WriteAsync(buffer.WrittenMemory, cancellationToken).ConfigureAwait(false);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}

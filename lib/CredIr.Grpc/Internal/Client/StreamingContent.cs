using System.Net;
using Google.Protobuf;

namespace CredIr.Grpc.Internal.Client;

/// <summary>A request body streamed from the caller's messages, each frame flushed as it is written.</summary>
internal sealed class StreamingContent<TRequest> : HttpContent
    where TRequest : IMessage<TRequest>
{
    private readonly IAsyncEnumerable<TRequest> _requests;
    private readonly bool _compress;
    private readonly int _maxMessageSize;
    private readonly CancellationToken _callToken;

    public StreamingContent(IAsyncEnumerable<TRequest> requests, bool compress, int maxMessageSize, CancellationToken callToken)
    {
        _requests = requests;
        _compress = compress;
        _maxMessageSize = maxMessageSize;
        _callToken = callToken;
        Headers.TryAddWithoutValidation("content-type", GrpcProtocol.ContentType);
    }

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        // The body outlives SendAsync (duplex): it follows the call's token, not the send's.
        using var buffer = new PooledBufferWriter();
        await foreach (var request in _requests.WithCancellation(_callToken).ConfigureAwait(false))
        {
            buffer.Reset();
            GrpcFraming.Write(buffer, request, _compress, _maxMessageSize);
            await stream.WriteAsync(buffer.WrittenMemory, _callToken).ConfigureAwait(false);
            await stream.FlushAsync(_callToken).ConfigureAwait(false);
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

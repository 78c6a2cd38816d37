using System.Buffers;
using System.Buffers.Binary;
using Google.Protobuf;

namespace CredIr.Grpc.Internal.Client;

/// <summary>
/// Reads length-prefixed messages from a response stream through one pooled buffer: a stream read
/// may hold many small frames (a server stream) or part of one (a large message).
/// </summary>
internal sealed class FrameBuffer(Stream stream, int maxMessageSize) : IDisposable
{
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(8 * 1024);
    private int _start;
    private int _end;

    /// <summary>The next message, or default when the stream ended cleanly between frames.</summary>
    public async ValueTask<T?> ReadAsync<T>(MessageParser<T> parser, bool gzip, CancellationToken cancellationToken)
        where T : IMessage<T>
    {
        if (!await FillAsync(GrpcProtocol.HeaderSize, cancellationToken).ConfigureAwait(false))
        {
            if (_end == _start)
            {
                return default;
            }

            throw new RpcException(StatusCode.Internal, "Incomplete message.");
        }

        var compressed = GrpcFraming.ReadHeader(_buffer.AsSpan(_start, GrpcProtocol.HeaderSize), maxMessageSize);
        var length = (int)BinaryPrimitives.ReadUInt32BigEndian(_buffer.AsSpan(_start + 1));
        if (!await FillAsync(GrpcProtocol.HeaderSize + length, cancellationToken).ConfigureAwait(false))
        {
            throw new RpcException(StatusCode.Internal, "Incomplete message.");
        }

        var payload = new ReadOnlySequence<byte>(_buffer, _start + GrpcProtocol.HeaderSize, length);
        _start += GrpcProtocol.HeaderSize + length;
        return GrpcFraming.Parse(payload, compressed, gzip, parser, MessageNames.Of<T>(), maxMessageSize);
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    private async ValueTask<bool> FillAsync(int needed, CancellationToken cancellationToken)
    {
        if (_end - _start >= needed)
        {
            return true;
        }

        if (_buffer.Length - _start < needed)
        {
            var target = _buffer.Length >= needed ? _buffer : ArrayPool<byte>.Shared.Rent(needed);
            _buffer.AsSpan(_start, _end - _start).CopyTo(target);
            if (target != _buffer)
            {
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = target;
            }

            _end -= _start;
            _start = 0;
        }

        while (_end - _start < needed)
        {
            var read = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return false;
            }

            _end += read;
        }

        return true;
    }
}

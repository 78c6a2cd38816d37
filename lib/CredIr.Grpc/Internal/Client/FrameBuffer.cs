using System.Buffers;
using System.Buffers.Binary;
using Google.Protobuf;

namespace CredIr.Grpc.Internal.Client;

/// <summary>
/// Reads length-prefixed messages from a response stream through one pooled buffer: a stream read
/// may hold many small frames (a server stream) or part of one (a large message). Frames already
/// buffered are parsed without going async.
/// </summary>
internal sealed class FrameBuffer(Stream stream, int maxMessageSize, int initialSize = 8 * 1024) : IDisposable
{
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(initialSize);
    private int _start;
    private int _end;

    public Stream Stream { get; } = stream;

    /// <summary>Bytes read and not yet parsed.</summary>
    public int Buffered => _end - _start;

    /// <summary>The next message, or default when the stream ended cleanly between frames.</summary>
    public async ValueTask<T?> ReadAsync<T>(MessageParser<T> parser, bool gzip, CancellationToken cancellationToken)
        where T : IMessage<T>
    {
        if (TryRead(parser, gzip, out var buffered))
        {
            return buffered;
        }

        if (!await FillAsync(GrpcProtocol.HeaderSize, cancellationToken).ConfigureAwait(false))
        {
            if (_end == _start)
            {
                return default;
            }

            throw new RpcException(StatusCode.Internal, "Incomplete message.");
        }

        if (!await FillAsync(GrpcProtocol.HeaderSize + FrameLength(), cancellationToken).ConfigureAwait(false))
        {
            throw new RpcException(StatusCode.Internal, "Incomplete message.");
        }

        TryRead(parser, gzip, out var message);
        return message;
    }

    /// <summary>Parses the next frame when it is whole in the buffer.</summary>
    public bool TryRead<T>(MessageParser<T> parser, bool gzip, out T? message)
        where T : IMessage<T>
    {
        message = default;
        if (_end - _start < GrpcProtocol.HeaderSize)
        {
            return false;
        }

        var compressed = GrpcFraming.ReadHeader(_buffer.AsSpan(_start, GrpcProtocol.HeaderSize), maxMessageSize);
        var length = (int)BinaryPrimitives.ReadUInt32BigEndian(_buffer.AsSpan(_start + 1));
        if (_end - _start < GrpcProtocol.HeaderSize + length)
        {
            return false;
        }

        var payload = new ReadOnlySequence<byte>(_buffer, _start + GrpcProtocol.HeaderSize, length);
        _start += GrpcProtocol.HeaderSize + length;
        message = GrpcFraming.Parse(payload, compressed, gzip, parser, MessageNames.Of<T>(), maxMessageSize);
        return true;
    }

    /// <summary>The length announced by the buffered frame header (validated against the limit); needs 5 bytes buffered.</summary>
    public int FrameLength()
    {
        GrpcFraming.ReadHeader(_buffer.AsSpan(_start, GrpcProtocol.HeaderSize), maxMessageSize);
        return (int)BinaryPrimitives.ReadUInt32BigEndian(_buffer.AsSpan(_start + 1));
    }

    /// <summary>Room for at least <paramref name="sizeHint"/> more bytes after what is buffered; fill it, then <see cref="Commit"/>.</summary>
    public Memory<byte> FreeSpace(int sizeHint)
    {
        EnsureRoom(Buffered + Math.Max(1, sizeHint));
        return _buffer.AsMemory(_end);
    }

    public void Commit(int read) => _end += read;

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

        EnsureRoom(needed);
        while (_end - _start < needed)
        {
            var read = await Stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return false;
            }

            _end += read;
        }

        return true;
    }

    /// <summary>Moves the buffered bytes to the front, into a larger buffer when <paramref name="needed"/> bytes would not fit.</summary>
    private void EnsureRoom(int needed)
    {
        if (_buffer.Length - _start >= needed)
        {
            return;
        }

        var target = _buffer.Length >= needed ? _buffer : ArrayPool<byte>.Shared.Rent(Math.Max(needed, _buffer.Length * 2));
        _buffer.AsSpan(_start, _end - _start).CopyTo(target);
        if (target != _buffer)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = target;
        }

        _end -= _start;
        _start = 0;
    }
}

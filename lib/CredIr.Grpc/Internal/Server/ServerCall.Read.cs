using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using Google.Protobuf;

namespace CredIr.Grpc.Internal.Server;

/// <summary>Reading the request frames from the body pipe.</summary>
internal sealed partial class ServerCall
{
    /// <summary>
    /// The one request message of a unary or server-streaming call: the body read to its end in one
    /// async method, then parsed. A header over the size limit or a second message is refused as
    /// soon as it arrives.
    /// </summary>
    public ValueTask<T> ReadSingleAsync<T>(MessageParser<T> parser, string messageName)
        where T : IMessage<T>
    {
        // A small request usually arrives whole with its headers: then no await, no state machine.
        var reader = _http.Request.BodyReader;
        if (reader.TryRead(out var ready))
        {
            var buffer = ready.Buffer;
            if (ready.IsCompleted || ready.IsCanceled)
            {
                try
                {
                    return new ValueTask<T>(ParseSingle(buffer, parser, messageName, Context.CancellationToken));
                }
                finally
                {
                    reader.AdvanceTo(buffer.End);
                }
            }

            RefuseEarly(buffer);
            reader.AdvanceTo(buffer.Start, buffer.End);
        }

        return ReadSingleSlowAsync(parser, messageName);
    }

    private async ValueTask<T> ReadSingleSlowAsync<T>(MessageParser<T> parser, string messageName)
        where T : IMessage<T>
    {
        var reader = _http.Request.BodyReader;

        // Kestrel fails the body reader itself when the client resets the stream: only a deadline
        // needs a token here, and not registering one saves a registration per call.
        var token = _deadline is null ? CancellationToken.None : Context.CancellationToken;
        while (true)
        {
            ReadResult result;
            try
            {
                result = await reader.ReadAsync(token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or SocketException && !ClientGone)
            {
                throw new RpcException(StatusCode.Internal, "The request stream ended abruptly.");
            }

            var buffer = result.Buffer;
            if (result.IsCompleted || result.IsCanceled)
            {
                try
                {
                    return ParseSingle(buffer, parser, messageName, token);
                }
                finally
                {
                    reader.AdvanceTo(buffer.End);
                }
            }

            RefuseEarly(buffer);
            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }

    private T ParseSingle<T>(ReadOnlySequence<byte> buffer, MessageParser<T> parser, string messageName, CancellationToken token)
        where T : IMessage<T>
    {
        if (!GrpcFraming.TryReadFrame(ref buffer, _services.MaxReceiveMessageSize, out var compressed, out var payload))
        {
            if (buffer.Length > 0)
            {
                throw new RpcException(StatusCode.Internal, "Incomplete message.");
            }

            token.ThrowIfCancellationRequested();
            throw new RpcException(StatusCode.Internal, "Request did not include a message.");
        }

        if (buffer.Length > 0)
        {
            throw new RpcException(StatusCode.Internal, "Additional data after the message received.");
        }

        return GrpcFraming.Parse(payload, compressed, _gzip, parser, messageName, _services.MaxReceiveMessageSize);
    }

    private void RefuseEarly(ReadOnlySequence<byte> buffer)
    {
        if (buffer.Length < GrpcProtocol.HeaderSize)
        {
            return;
        }

        Span<byte> header = stackalloc byte[GrpcProtocol.HeaderSize];
        buffer.Slice(0, GrpcProtocol.HeaderSize).CopyTo(header);
        GrpcFraming.ReadHeader(header, _services.MaxReceiveMessageSize);
        if (buffer.Length > GrpcProtocol.HeaderSize + (long)BinaryPrimitives.ReadUInt32BigEndian(header[1..]))
        {
            throw new RpcException(StatusCode.Internal, "Additional data after the message received.");
        }
    }

    /// <summary>Every request message of a client- or bidi-streaming call.</summary>
    public async IAsyncEnumerable<T> ReadAllAsync<T>(MessageParser<T> parser, string messageName, [EnumeratorCancellation] CancellationToken cancellationToken = default)
        where T : IMessage<T>
    {
        while (await ReadMessageAsync(parser, messageName, cancellationToken).ConfigureAwait(false) is { } message)
        {
            yield return message;
        }
    }

    /// <summary>The next request message, or null at the end of the request stream.</summary>
    public async ValueTask<T?> ReadMessageAsync<T>(MessageParser<T> parser, string messageName, CancellationToken cancellationToken = default)
        where T : IMessage<T>
    {
        var reader = _http.Request.BodyReader;
        var token = cancellationToken.CanBeCanceled ? cancellationToken : Context.CancellationToken;
        while (true)
        {
            ReadResult result;
            try
            {
                result = await reader.ReadAsync(token).ConfigureAwait(false);
            }
            catch (Exception e) when (e is IOException or SocketException && !ClientGone)
            {
                throw new RpcException(StatusCode.Internal, "The request stream ended abruptly.");
            }

            var buffer = result.Buffer;
            if (GrpcFraming.TryReadFrame(ref buffer, _services.MaxReceiveMessageSize, out var compressed, out var payload))
            {
                try
                {
                    return GrpcFraming.Parse(payload, compressed, _gzip, parser, messageName, _services.MaxReceiveMessageSize);
                }
                finally
                {
                    reader.AdvanceTo(buffer.Start);
                }
            }

            if (result.IsCompleted || result.IsCanceled)
            {
                var incomplete = buffer.Length > 0;
                reader.AdvanceTo(buffer.End);
                if (incomplete)
                {
                    throw new RpcException(StatusCode.Internal, "Incomplete message.");
                }

                token.ThrowIfCancellationRequested();
                return default;
            }

            reader.AdvanceTo(buffer.Start, buffer.End);
        }
    }
}

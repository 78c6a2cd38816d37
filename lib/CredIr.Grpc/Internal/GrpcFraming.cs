using System.Buffers;
using System.Buffers.Binary;
using System.IO.Compression;
using Google.Protobuf;

namespace CredIr.Grpc.Internal;

/// <summary>
/// The length-prefixed message: one byte compressed flag (0 or 1), four bytes big-endian length,
/// then the message.
/// </summary>
internal static class GrpcFraming
{
    public static void WriteHeader(Span<byte> destination, bool compressed, int length)
    {
        destination[0] = compressed ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt32BigEndian(destination[1..], (uint)length);
    }

    /// <summary>
    /// Takes one whole frame off the front of <paramref name="buffer"/>. False when more bytes are
    /// needed; throws INTERNAL for a bad flag and RESOURCE_EXHAUSTED as soon as the header
    /// announces a message over <paramref name="maxMessageSize"/>.
    /// </summary>
    public static bool TryReadFrame(ref ReadOnlySequence<byte> buffer, int maxMessageSize, out bool compressed, out ReadOnlySequence<byte> message)
    {
        message = default;
        compressed = false;
        if (buffer.Length < GrpcProtocol.HeaderSize)
        {
            return false;
        }

        Span<byte> header = stackalloc byte[GrpcProtocol.HeaderSize];
        buffer.Slice(0, GrpcProtocol.HeaderSize).CopyTo(header);
        compressed = ReadHeader(header, maxMessageSize);
        var length = BinaryPrimitives.ReadUInt32BigEndian(header[1..]);
        if (buffer.Length < GrpcProtocol.HeaderSize + length)
        {
            return false;
        }

        message = buffer.Slice(GrpcProtocol.HeaderSize, length);
        buffer = buffer.Slice(message.End);
        return true;
    }

    /// <summary>Validates a 5-byte header and returns its compressed flag.</summary>
    public static bool ReadHeader(ReadOnlySpan<byte> header, int maxMessageSize)
    {
        var flag = header[0];
        if (flag > 1)
        {
            throw new RpcException(StatusCode.Internal, $"Invalid compressed flag {flag} in message prefix.");
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(header[1..]);
        if (length > (uint)maxMessageSize)
        {
            throw new RpcException(StatusCode.ResourceExhausted, $"Received message larger than max ({length} vs. {maxMessageSize}).");
        }

        return flag == 1;
    }

    /// <summary>Writes one frame, gzip-compressed when asked.</summary>
    public static void Write(IBufferWriter<byte> writer, IMessage message, bool compress, int maxMessageSize)
    {
        if (compress)
        {
            WriteCompressedMessage(writer, message, maxMessageSize);
        }
        else
        {
            WriteMessage(writer, message, maxMessageSize);
        }
    }

    /// <summary>Writes one uncompressed frame holding <paramref name="message"/>; returns the frame's size.</summary>
    public static int WriteMessage(IBufferWriter<byte> writer, IMessage message, int maxMessageSize)
    {
        var size = message.CalculateSize();
        CheckSendSize(size, maxMessageSize);
        WriteHeader(writer.GetSpan(GrpcProtocol.HeaderSize), compressed: false, size);
        writer.Advance(GrpcProtocol.HeaderSize);
        if (size > 0)
        {
            message.WriteTo(writer);
        }

        return GrpcProtocol.HeaderSize + size;
    }

    /// <summary>Writes one gzip-compressed frame holding <paramref name="message"/>.</summary>
    public static void WriteCompressedMessage(IBufferWriter<byte> writer, IMessage message, int maxMessageSize)
    {
        CheckSendSize(message.CalculateSize(), maxMessageSize);
        using var compressed = new MemoryStream();
        using (var gzip = new GZipStream(compressed, CompressionLevel.Fastest, leaveOpen: true))
        {
            message.WriteTo(gzip);
        }

        var length = (int)compressed.Length;
        WriteHeader(writer.GetSpan(GrpcProtocol.HeaderSize), compressed: true, length);
        writer.Advance(GrpcProtocol.HeaderSize);
        writer.Write(compressed.GetBuffer().AsSpan(0, length));
    }

    /// <summary>Parses a frame's payload, decompressing it first when flagged.</summary>
    public static T Parse<T>(ReadOnlySequence<byte> payload, bool compressed, bool gzipNegotiated, MessageParser<T> parser, string messageName, int maxMessageSize)
        where T : IMessage<T>
    {
        if (compressed)
        {
            if (!gzipNegotiated)
            {
                throw new RpcException(StatusCode.Internal, "Received a compressed message without a grpc-encoding.");
            }

            payload = new ReadOnlySequence<byte>(Decompress(payload, maxMessageSize));
        }

        try
        {
            return parser.ParseFrom(payload);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new RpcException(StatusCode.InvalidArgument, $"could not parse {messageName}: {e.Message}");
        }
    }

    private static byte[] Decompress(ReadOnlySequence<byte> payload, int maxMessageSize)
    {
        using var input = new MemoryStream(payload.ToArray());
        using var gzip = new GZipStream(input, CompressionMode.Decompress);
        using var output = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = gzip.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (output.Length + read > maxMessageSize)
                {
                    throw new RpcException(StatusCode.ResourceExhausted, $"Decompressed message larger than max ({maxMessageSize}).");
                }

                output.Write(chunk, 0, read);
            }
        }
        catch (InvalidDataException)
        {
            throw new RpcException(StatusCode.Internal, "Could not decompress a gzip message.");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }

        return output.ToArray();
    }

    private static void CheckSendSize(int size, int maxMessageSize)
    {
        if (size > maxMessageSize)
        {
            throw new RpcException(StatusCode.ResourceExhausted, $"Sending message larger than max ({size} vs. {maxMessageSize}).");
        }
    }
}

using System.Buffers;
using System.Buffers.Binary;
using System.Net;
using Google.Protobuf;

namespace CredIr.Bench.Grpc;

/// <summary>
/// The ceiling's client: the same handler, a prebuilt request frame; counts the response frames,
/// and parses each with <paramref name="parser"/> when one is given (as any gRPC client must).
/// </summary>
internal sealed class BareClient(HttpMessageInvoker http, byte[] requestFrame, MessageParser? parser)
{
    public async Task<int> CallAsync(Uri uri, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, uri)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(requestFrame),
        };
        request.Content.Headers.TryAddWithoutValidation("content-type", "application/grpc");
        request.Headers.TryAddWithoutValidation("te", "trailers");
        using var response = await http.SendAsync(request, cancellationToken);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        var buffer = ArrayPool<byte>.Shared.Rent(8 * 1024);
        int start = 0, end = 0, frames = 0, read;
        try
        {
            while ((read = await body.ReadAsync(buffer.AsMemory(end), cancellationToken)) > 0)
            {
                end += read;
                while (end - start >= 5 && end - start >= 5 + BinaryPrimitives.ReadInt32BigEndian(buffer.AsSpan(start + 1)))
                {
                    var length = BinaryPrimitives.ReadInt32BigEndian(buffer.AsSpan(start + 1));
                    parser?.ParseFrom(buffer.AsSpan(start + 5, length));
                    start += 5 + length;
                    frames++;
                }

                buffer.AsSpan(start, end - start).CopyTo(buffer);
                end -= start;
                start = 0;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        if (!response.TrailingHeaders.TryGetValues("grpc-status", out var status) || status.First() != "0")
        {
            throw new InvalidOperationException("the bare endpoint did not answer grpc-status 0");
        }

        return frames;
    }
}

using System.Buffers.Binary;
using System.Net;
using CredIr.Grpc.Tests.Echo;
using Google.Protobuf;

namespace CredIr.Grpc.Tests.Wire;

/// <summary>Plain HTTP/2 requests with hand-made bodies, to see exactly what the server puts on the wire.</summary>
public sealed class RawGrpcClient(Uri address) : IDisposable
{
    private readonly HttpMessageInvoker _http = new(new SocketsHttpHandler());

    public static byte[] Frame(byte flag, ReadOnlySpan<byte> message)
    {
        var frame = new byte[5 + message.Length];
        frame[0] = flag;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), (uint)message.Length);
        message.CopyTo(frame.AsSpan(5));
        return frame;
    }

    public static byte[] Frame(EchoRequest request) => Frame(0, request.ToByteArray());

    public async Task<RawResponse> SendAsync(
        string path, byte[] body, string contentType = "application/grpc", HttpMethod? method = null, params (string Key, string Value)[] headers)
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Post, new Uri(address, path))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.TryAddWithoutValidation("content-type", contentType);
        request.Headers.TryAddWithoutValidation("te", "trailers");
        foreach (var (key, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(key, value);
        }

        using var response = await _http.SendAsync(request, CancellationToken.None);
        var content = await response.Content.ReadAsByteArrayAsync();
        return new RawResponse(
            (int)response.StatusCode,
            response.Headers.ToDictionary(h => h.Key.ToLowerInvariant(), h => string.Join(",", h.Value)),
            response.TrailingHeaders.ToDictionary(h => h.Key.ToLowerInvariant(), h => string.Join(",", h.Value)),
            content);
    }

    public void Dispose() => _http.Dispose();
}

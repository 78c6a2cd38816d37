using System.Buffers;
using System.Net;

namespace CredIr.Bench.Grpc;

/// <summary>The ceiling's client: the same handler, a prebuilt request frame, no parsing; counts response frames.</summary>
internal sealed class BareClient(HttpMessageInvoker http, byte[] requestFrame, int responseFrameLength)
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
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        long total = 0;
        try
        {
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                total += read;
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

        return (int)(total / responseFrameLength);
    }
}

using System.Buffers;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Http;

namespace CredIr.Bench.Grpc;

/// <summary>
/// The ceiling: minimal Kestrel handlers that read the request body and write the same response
/// frames and trailers as the gRPC layer, with nothing else (no parsing, no binding, no context).
/// </summary>
internal sealed class BareEndpoints(byte[] replyFrame, int streamCount)
{
    public async Task PingAsync(HttpContext http)
    {
        await DrainAsync(http.Request.BodyReader);
        http.Response.ContentType = "application/grpc";
        await http.Response.BodyWriter.WriteAsync(replyFrame);
        http.Response.AppendTrailer("grpc-status", "0");
    }

    public async Task StreamAsync(HttpContext http)
    {
        await DrainAsync(http.Request.BodyReader);
        http.Response.ContentType = "application/grpc";
        // Like the gRPC layer with a producer that is always ready: frames coalesced, flushed every 64 KiB.
        var writer = http.Response.BodyWriter;
        var unflushed = 0;
        for (var i = 0; i < streamCount; i++)
        {
            writer.Write(replyFrame);
            unflushed += replyFrame.Length;
            if (unflushed >= 64 * 1024)
            {
                await writer.FlushAsync();
                unflushed = 0;
            }
        }

        http.Response.AppendTrailer("grpc-status", "0");
    }

    private static async Task DrainAsync(PipeReader reader)
    {
        while (true)
        {
            var result = await reader.ReadAsync();
            reader.AdvanceTo(result.Buffer.End);
            if (result.IsCompleted)
            {
                return;
            }
        }
    }
}

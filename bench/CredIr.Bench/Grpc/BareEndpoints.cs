using System.Buffers;
using System.Buffers.Binary;
using System.IO.Pipelines;
using Google.Protobuf;
using Microsoft.AspNetCore.Http;

namespace CredIr.Bench.Grpc;

/// <summary>
/// The ceiling: minimal Kestrel handlers that read the request body and write the same response
/// frames and trailers as the gRPC layer, with nothing else (no binding, no context, no status
/// logic). With a message they serialize it for every frame, as any gRPC server must; without one
/// they copy prebuilt bytes.
/// </summary>
internal sealed class BareEndpoints(byte[] replyFrame, IMessage? message, int streamCount)
{
    public async Task PingAsync(HttpContext http)
    {
        await DrainAsync(http.Request.BodyReader);
        http.Response.ContentType = "application/grpc";
        WriteFrame(http.Response.BodyWriter);
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
            unflushed += WriteFrame(writer);
            if (unflushed >= 64 * 1024)
            {
                await writer.FlushAsync();
                unflushed = 0;
            }
        }

        http.Response.AppendTrailer("grpc-status", "0");
    }

    private int WriteFrame(PipeWriter writer)
    {
        if (message is null)
        {
            writer.Write(replyFrame);
            return replyFrame.Length;
        }

        var size = message.CalculateSize();
        var header = writer.GetSpan(5);
        header[0] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(header[1..], (uint)size);
        writer.Advance(5);
        message.WriteTo(writer);
        return 5 + size;
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

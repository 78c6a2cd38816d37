using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CredIr.Hosting.Internal;

/// <summary>
/// Waits for the whole request message of a unary or server-streaming call before Grpc.AspNetCore's handler
/// runs. A client that cancels while its request is still arriving makes that handler's read throw "the client
/// reset the request stream" before the call is marked cancelled, and Grpc.AspNetCore logs it as an error
/// ("Error when executing service method") and answers UNKNOWN. Here that ends the request quietly, at debug.
/// Nothing is copied: the bytes stay examined, not consumed, in the request pipe, and the handler reads them.
/// </summary>
internal sealed class RequestPrefetchMiddleware(RequestDelegate next, ILogger<RequestPrefetchMiddleware> logger)
{
    // Below HTTP/2's per-stream window (Kestrel: 768 KiB): a client cannot send more until some is consumed,
    // so a larger request is left to the handler to read as it comes.
    private const long MaxPrefetch = 512 * 1024;

    public async Task InvokeAsync(HttpContext context)
    {
        var method = context.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method;
        if (method is null || method.Type is MethodType.ClientStreaming or MethodType.DuplexStreaming)
        {
            await next(context).ConfigureAwait(false);
            return;
        }

        try
        {
            var reader = context.Request.BodyReader;
            while (true)
            {
                var result = await reader.ReadAsync(context.RequestAborted).ConfigureAwait(false);
                reader.AdvanceTo(result.Buffer.Start, result.Buffer.End);
                if (result.IsCompleted || result.IsCanceled || result.Buffer.Length >= MaxPrefetch)
                {
                    break;
                }
            }
        }
        catch (Exception exception) when (exception is IOException or OperationCanceledException)
        {
            HostingLog.RequestAbandoned(logger, method.FullName);
            return;
        }

        await next(context).ConfigureAwait(false);
    }
}

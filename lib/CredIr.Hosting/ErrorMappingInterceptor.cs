using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;

namespace CredIr.Hosting;

/// <summary>
/// Turns the services' own exceptions into the status each <see cref="RpcErrorMap"/> gives; a call the
/// client cancelled (or whose deadline passed) into CANCELLED / DEADLINE_EXCEEDED, logged at debug: it is
/// the caller's choice, not a server fault; and keeps every status message within
/// <see cref="RpcText.MaxStatusMessage"/>. Anything else is left to Grpc.AspNetCore: logged, answered
/// UNKNOWN, details only with EnableDetailedErrors.
/// </summary>
internal sealed class ErrorMappingInterceptor(IEnumerable<RpcErrorMap> maps, TimeProvider time, ILogger<ErrorMappingInterceptor> logger) : Interceptor
{
    private readonly RpcErrorMap[] _maps = maps.ToArray();

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context).ConfigureAwait(false);
        }
        catch (Exception exception) when (Map(context, exception) is { } mapped)
        {
            throw mapped;
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context).ConfigureAwait(false);
        }
        catch (Exception exception) when (Map(context, exception) is { } mapped)
        {
            throw mapped;
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(requestStream, context).ConfigureAwait(false);
        }
        catch (Exception exception) when (Map(context, exception) is { } mapped)
        {
            throw mapped;
        }
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(requestStream, responseStream, context).ConfigureAwait(false);
        }
        catch (Exception exception) when (Map(context, exception) is { } mapped)
        {
            throw mapped;
        }
    }

    private RpcException? Map(ServerCallContext context, Exception exception)
    {
        if (exception is RpcException rpc)
        {
            var bounded = RpcText.Bound(rpc.Status.Detail);
            return ReferenceEquals(bounded, rpc.Status.Detail) ? null : new RpcException(new Status(rpc.StatusCode, bounded), rpc.Trailers);
        }

        // Whatever a cancelled call throws on its way out (OperationCanceledException, a write to a reset
        // stream...) is the end of the call, not a fault of the server.
        if (context.CancellationToken.IsCancellationRequested)
        {
            var status = context.Deadline <= time.GetUtcNow().UtcDateTime ? StatusCode.DeadlineExceeded : StatusCode.Cancelled;
            HostingLog.CallEnded(logger, context.Method, status);
            return new RpcException(new Status(status, status == StatusCode.Cancelled ? "The call was cancelled." : "The deadline passed before the call finished."));
        }

        return RpcErrorMap.Apply(_maps, context.Method, exception) is { } mapped
            ? new RpcException(new Status(mapped.StatusCode, RpcText.Bound(mapped.Status.Detail)), mapped.Trailers)
            : null;
    }
}

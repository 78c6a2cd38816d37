using Grpc.Core;
using Grpc.Core.Interceptors;

namespace CredIr.Hosting;

/// <summary>
/// Turns the services' own exceptions into the status each <see cref="RpcErrorMap"/> gives. Anything
/// unmapped is left to Grpc.AspNetCore: logged, answered UNKNOWN, details only with EnableDetailedErrors.
/// </summary>
internal sealed class ErrorMappingInterceptor(IEnumerable<RpcErrorMap> maps) : Interceptor
{
    private readonly RpcErrorMap[] _maps = maps.ToArray();

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context).ConfigureAwait(false);
        }
        catch (Exception exception) when (RpcErrorMap.Apply(_maps, context.Method, exception) is { } mapped)
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
        catch (Exception exception) when (RpcErrorMap.Apply(_maps, context.Method, exception) is { } mapped)
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
        catch (Exception exception) when (RpcErrorMap.Apply(_maps, context.Method, exception) is { } mapped)
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
        catch (Exception exception) when (RpcErrorMap.Apply(_maps, context.Method, exception) is { } mapped)
        {
            throw mapped;
        }
    }
}

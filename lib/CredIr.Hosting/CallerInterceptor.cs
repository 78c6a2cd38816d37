using System.Net;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Options;

namespace CredIr.Hosting;

/// <summary>
/// Decides who made each call before the handler runs (<see cref="ServerCallContextExtensions.Caller"/>):
/// the request's authenticated user when the host authenticates (the gateway serving a service in its
/// own process); else x-credir-caller vouched for by x-credir-gateway-key equal to Grpc:CallerKey; else,
/// only with Grpc:TrustLoopbackCaller and no key, the caller a loopback client declares; else nobody.
/// </summary>
internal sealed class CallerInterceptor(IOptions<CredIrGrpcOptions> options) : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Resolve(context);
        return continuation(request, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Resolve(context);
        return continuation(request, responseStream, context);
    }

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Resolve(context);
        return continuation(requestStream, context);
    }

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Resolve(context);
        return continuation(requestStream, responseStream, context);
    }

    private void Resolve(ServerCallContext context)
    {
        if (Find(context) is { } caller)
        {
            context.UserState[ServerCallContextExtensions.CallerKey] = caller;
        }
    }

    private string? Find(ServerCallContext context)
    {
        if (context.GetHttpContext().User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name })
        {
            return name;
        }

        var settings = options.Value;
        var declared = context.RequestHeaders.GetValue(CallerHeaders.Caller);
        if (settings.CallerKey is { Length: > 0 } key)
        {
            return CallerHeaders.Resolve(declared, context.RequestHeaders.GetValue(CallerHeaders.Key), key);
        }

        return settings.TrustLoopbackCaller && declared is { Length: > 0 } && IsLoopback(context.GetHttpContext().Connection.RemoteIpAddress) ? declared : null;
    }

    private static bool IsLoopback(IPAddress? address) => address is not null && IPAddress.IsLoopback(address);
}

using System.Net;
using Grpc.Core;
using Grpc.Core.Interceptors;
using CredIr.Hosting.Identity;
using Microsoft.Extensions.Options;

namespace CredIr.Hosting;

/// <summary>
/// Decides who made each call before the handler runs (<see cref="ServerCallContextExtensions.Caller"/>):
/// the request's authenticated user when the host authenticates (the gateway serving a service in its
/// own process); else the caller a service token names (<see cref="ServiceTokens"/>, for this service, unexpired;
/// a bad token is nobody); else x-credir-caller vouched for by x-credir-gateway-key equal to Grpc:CallerKey; else,
/// only with Grpc:TrustLoopbackCaller and no key, the caller a loopback client declares; else nobody. With a
/// ServiceIdentity key, nobody is refused (UNAUTHENTICATED) on every phase service method.
/// </summary>
internal sealed class CallerInterceptor(IOptions<CredIrGrpcOptions> options, ServiceTokens tokens) : Interceptor
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
        else if (tokens.IsConfigured && IsPhaseMethod(context.Method))
        {
            throw new RpcException(new Status(StatusCode.Unauthenticated,
                $"{ServiceTokens.AudienceOf(context.Method)} answers only callers it can identify: send a service token ({ServiceTokens.Header}) for it, signed with this deployment's ServiceIdentity key, or call through the gateway."));
        }
    }

    private string? Find(ServerCallContext context)
    {
        if (context.GetHttpContext().User.Identity is { IsAuthenticated: true, Name: { Length: > 0 } name })
        {
            return name;
        }

        if (context.RequestHeaders.GetValue(ServiceTokens.Header) is { } token)
        {
            return tokens.Validate(token, ServiceTokens.AudienceOf(context.Method));
        }

        var settings = options.Value;
        var declared = context.RequestHeaders.GetValue(CallerHeaders.Caller);
        if (settings.CallerKey is { Length: > 0 } key)
        {
            return CallerHeaders.Resolve(declared, context.RequestHeaders.GetValue(CallerHeaders.Key), key);
        }

        return settings.TrustLoopbackCaller && declared is { Length: > 0 } && IsLoopback(context.GetHttpContext().Connection.RemoteIpAddress) ? declared : null;
    }

    // The phase services act on the cloud and answer the coordinator (and the gateway) only; the coordinator's own API keeps
    // its anonymous callers (they read and drive incidents but cannot approve).
    private static bool IsPhaseMethod(string method) =>
        method.StartsWith("/credir.v1.", StringComparison.Ordinal) && !method.StartsWith("/credir.v1.Incidents/", StringComparison.Ordinal);

    private static bool IsLoopback(IPAddress? address) => address is not null && IPAddress.IsLoopback(address);
}

using Google.Protobuf;
using Grpc.Core;
using Grpc.Core.Interceptors;

namespace CredIr.Hosting.Validation;

/// <summary>
/// Holds the request of every unary and server-streaming call to <see cref="RequestShape"/> before the
/// handler runs, so that no service stores, signs or echoes a value out of its limits. The services'
/// own validators then check what only they know (a key id's shape, a time not in the future).
/// </summary>
internal sealed class RequestShapeInterceptor : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        Check(request);
        return continuation(request, context);
    }

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        Check(request);
        return continuation(request, responseStream, context);
    }

    private static void Check<TRequest>(TRequest request)
    {
        if (request is IMessage message)
        {
            RequestShape.Check(message);
        }
    }
}

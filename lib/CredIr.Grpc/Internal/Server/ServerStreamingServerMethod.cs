using CredIr.Grpc.Internal.Binding;
using Google.Protobuf;

namespace CredIr.Grpc.Internal.Server;

internal sealed class ServerStreamingServerMethod<TService, TRequest, TResponse>(ContractMethod method, ServerCallServices services, ServiceResolver<TService> resolver)
    : ServerMethod(method, services)
    where TService : class
    where TRequest : IMessage<TRequest>
    where TResponse : IMessage<TResponse>
{
    private readonly MessageParser<TRequest> _parser = (MessageParser<TRequest>)method.Descriptor.InputType.Parser;
    private readonly Func<TService, TRequest, CallContext, IAsyncEnumerable<TResponse>> _invoker =
        method.Method.CreateDelegate<Func<TService, TRequest, CallContext, IAsyncEnumerable<TResponse>>>();

    protected override async Task InvokeAsync(ServerCall call)
    {
        var request = await call.ReadSingleAsync(_parser, RequestName).ConfigureAwait(false);
        var service = resolver.Resolve(call.HttpContext);
        await call.WriteStreamAsync(_invoker(service, request, call.Context)).ConfigureAwait(false);
    }
}

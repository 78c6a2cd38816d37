using CredIr.Grpc.Internal.Binding;
using Google.Protobuf;

namespace CredIr.Grpc.Internal.Server;

internal sealed class DuplexStreamingServerMethod<TService, TRequest, TResponse>(ContractMethod method, ServerCallServices services, ServiceResolver<TService> resolver)
    : ServerMethod(method, services)
    where TService : class
    where TRequest : IMessage<TRequest>
    where TResponse : IMessage<TResponse>
{
    private readonly MessageParser<TRequest> _parser = (MessageParser<TRequest>)method.Descriptor.InputType.Parser;
    private readonly Func<TService, IAsyncEnumerable<TRequest>, CallContext, IAsyncEnumerable<TResponse>> _invoker =
        method.Method.CreateDelegate<Func<TService, IAsyncEnumerable<TRequest>, CallContext, IAsyncEnumerable<TResponse>>>();

    protected override async Task InvokeAsync(ServerCall call)
    {
        var service = resolver.Resolve(call.HttpContext);
        var responses = _invoker(service, call.ReadAllAsync(_parser, RequestName), call.Context);
        await call.WriteStreamAsync(responses).ConfigureAwait(false);
    }
}

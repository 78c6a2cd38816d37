using CredIr.Grpc.Internal.Binding;
using Google.Protobuf;

namespace CredIr.Grpc.Internal.Server;

internal sealed class UnaryServerMethod<TService, TRequest, TResponse>(ContractMethod method, ServerCallServices services, ServiceResolver<TService> resolver)
    : ServerMethod(method, services)
    where TService : class
    where TRequest : IMessage<TRequest>
    where TResponse : IMessage<TResponse>
{
    private readonly MessageParser<TRequest> _parser = (MessageParser<TRequest>)method.Descriptor.InputType.Parser;
    private readonly Func<TService, TRequest, CallContext, Task<TResponse>> _invoker =
        method.Method.CreateDelegate<Func<TService, TRequest, CallContext, Task<TResponse>>>();

    protected override async Task InvokeAsync(ServerCall call)
    {
        var request = await call.ReadSingleAsync(_parser, RequestName).ConfigureAwait(false);
        var service = resolver.Resolve(call.HttpContext);
        var response = await _invoker(service, request, call.Context).ConfigureAwait(false);
        call.WriteMessage(response);
    }
}

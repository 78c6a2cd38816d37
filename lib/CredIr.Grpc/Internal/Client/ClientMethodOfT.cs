using CredIr.Grpc.Internal.Binding;
using Google.Protobuf;

namespace CredIr.Grpc.Internal.Client;

internal sealed class ClientMethod<TRequest, TResponse>(ContractMethod method) : ClientMethod
    where TRequest : IMessage<TRequest>
    where TResponse : IMessage<TResponse>
{
    private readonly string _name = method.FullName;
    private readonly MethodKind _kind = method.Kind;
    private readonly MessageParser<TResponse> _parser = (MessageParser<TResponse>)method.Descriptor.OutputType.Parser;

    public override object Invoke(GrpcChannel channel, object?[] args)
    {
        var context = (CallContext?)args[1] ?? throw new ArgumentNullException(nameof(args), "The CallContext argument is required.");
        return _kind switch
        {
            MethodKind.Unary => channel.UnaryAsync(_name, (TRequest)args[0]!, _parser, context),
            MethodKind.ServerStreaming => channel.ServerStreamingAsync(_name, (TRequest)args[0]!, _parser, context),
            MethodKind.ClientStreaming => channel.ClientStreamingAsync(_name, (IAsyncEnumerable<TRequest>)args[0]!, _parser, context),
            _ => channel.DuplexStreamingAsync(_name, (IAsyncEnumerable<TRequest>)args[0]!, _parser, context),
        };
    }
}

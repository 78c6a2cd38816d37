using CredIr.Grpc.Internal.Binding;

namespace CredIr.Grpc.Internal.Server;

internal static class ServerMethodFactory
{
    public static ServerMethod Create(Type serviceType, ContractMethod method, ServerCallServices services, object resolver)
    {
        var definition = method.Kind switch
        {
            MethodKind.Unary => typeof(UnaryServerMethod<,,>),
            MethodKind.ServerStreaming => typeof(ServerStreamingServerMethod<,,>),
            MethodKind.ClientStreaming => typeof(ClientStreamingServerMethod<,,>),
            _ => typeof(DuplexStreamingServerMethod<,,>),
        };
        var type = definition.MakeGenericType(serviceType, method.RequestType, method.ResponseType);
        return (ServerMethod)Activator.CreateInstance(type, method, services, resolver)!;
    }
}

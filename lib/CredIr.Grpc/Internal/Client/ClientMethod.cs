using CredIr.Grpc.Internal.Binding;
using Google.Protobuf;

namespace CredIr.Grpc.Internal.Client;

/// <summary>A contract method turned into a typed call on a channel.</summary>
internal abstract class ClientMethod
{
    public abstract object Invoke(GrpcChannel channel, object?[] args);

    public static ClientMethod Create(ContractMethod method)
    {
        var type = typeof(ClientMethod<,>).MakeGenericType(method.RequestType, method.ResponseType);
        return (ClientMethod)Activator.CreateInstance(type, method)!;
    }
}

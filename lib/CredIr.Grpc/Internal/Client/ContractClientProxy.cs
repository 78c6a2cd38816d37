using System.Collections.Concurrent;
using System.Reflection;
using CredIr.Grpc.Internal.Binding;

namespace CredIr.Grpc.Internal.Client;

/// <summary>
/// The client side of a contract: every interface method becomes the gRPC call its rpc describes.
/// DispatchProxy requires an unsealed class with a public constructor.
/// </summary>
#pragma warning disable CA1852 // DispatchProxy derives from this type at run time.
internal class ContractClientProxy : DispatchProxy
#pragma warning restore CA1852
{
    private static readonly ConcurrentDictionary<Type, IReadOnlyDictionary<MethodInfo, ClientMethod>> Tables = new();

    private GrpcChannel? _channel;
    private IReadOnlyDictionary<MethodInfo, ClientMethod>? _methods;

    public static TContract Create<TContract>(GrpcChannel channel)
        where TContract : class
    {
        var proxy = DispatchProxy.Create<TContract, ContractClientProxy>();
        var self = (ContractClientProxy)(object)proxy;
        self._channel = channel;
        self._methods = Tables.GetOrAdd(typeof(TContract), static type => BuildTable(ContractBinder.Describe(type)));
        return proxy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        if (targetMethod is null || args is null || !_methods!.TryGetValue(targetMethod, out var method))
        {
            throw new NotSupportedException($"{targetMethod?.Name} is not an rpc of this contract.");
        }

        return method.Invoke(_channel!, args);
    }

    private static Dictionary<MethodInfo, ClientMethod> BuildTable(ContractDescription description)
    {
        var table = new Dictionary<MethodInfo, ClientMethod>();
        foreach (var method in description.Methods)
        {
            table[method.Method] = ClientMethod.Create(method);
        }

        return table;
    }
}

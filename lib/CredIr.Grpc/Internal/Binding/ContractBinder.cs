using System.Collections.Concurrent;
using System.Reflection;
using Google.Protobuf.Reflection;

namespace CredIr.Grpc.Internal.Binding;

/// <summary>
/// Matches every rpc of a proto service to a method of its C# contract, by name and shape, and
/// refuses (at start-up) a contract that misses one, naming the rpc and the signature expected.
/// </summary>
internal static class ContractBinder
{
    private static readonly ConcurrentDictionary<Type, ContractDescription> Cache = new();

    public static ContractDescription Describe(Type contractType) => Cache.GetOrAdd(contractType, Bind);

    public static ContractDescription Bind(Type contractType)
    {
        if (!contractType.IsInterface)
        {
            throw new InvalidOperationException($"{contractType.FullName} is not an interface: a gRPC contract is the interface marked [GrpcService].");
        }

        var attribute = contractType.GetCustomAttribute<GrpcServiceAttribute>()
            ?? throw new InvalidOperationException($"{contractType.FullName} has no [GrpcService] attribute naming its proto service.");
        return Bind(contractType, attribute.ResolveDescriptor());
    }

    public static ContractDescription Bind(Type contractType, ServiceDescriptor service)
    {
        var methods = new List<ContractMethod>(service.Methods.Count);
        foreach (var rpc in service.Methods)
        {
            methods.Add(BindMethod(contractType, rpc));
        }

        return new ContractDescription(contractType, service, methods);
    }

    private static ContractMethod BindMethod(Type contractType, MethodDescriptor rpc)
    {
        var kind = (rpc.IsClientStreaming, rpc.IsServerStreaming) switch
        {
            (false, false) => MethodKind.Unary,
            (false, true) => MethodKind.ServerStreaming,
            (true, false) => MethodKind.ClientStreaming,
            (true, true) => MethodKind.DuplexStreaming,
        };
        var request = rpc.InputType.ClrType;
        var response = rpc.OutputType.ClrType;
        var input = rpc.IsClientStreaming ? typeof(IAsyncEnumerable<>).MakeGenericType(request) : request;
        var output = rpc.IsServerStreaming
            ? typeof(IAsyncEnumerable<>).MakeGenericType(response)
            : typeof(Task<>).MakeGenericType(response);
        var name = rpc.Name + "Async";

        var method = FindMethod(contractType, name);
        if (method is null
            || method.ReturnType != output
            || method.GetParameters() is not [var first, var second]
            || first.ParameterType != input
            || second.ParameterType != typeof(CallContext))
        {
            var expected = $"{Display(output)} {name}({Display(input)} {(rpc.IsClientStreaming ? "requests" : "request")}, CallContext context)";
            var problem = method is null ? "has no method for" : "has the wrong signature for";
            throw new InvalidOperationException(
                $"{contractType.Name} {problem} {rpc.Service.FullName}/{rpc.Name}: expected {expected}.");
        }

        return new ContractMethod(rpc, kind, method, request, response);
    }

    private static MethodInfo? FindMethod(Type contractType, string name)
    {
        var method = contractType.GetMethod(name);
        if (method is not null)
        {
            return method;
        }

        foreach (var parent in contractType.GetInterfaces())
        {
            method = parent.GetMethod(name);
            if (method is not null)
            {
                return method;
            }
        }

        return null;
    }

    private static string Display(Type type) =>
        type.IsGenericType
            ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(Display))}>"
            : type.Name;
}

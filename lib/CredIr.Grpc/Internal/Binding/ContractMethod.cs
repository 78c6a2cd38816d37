using System.Reflection;
using Google.Protobuf.Reflection;

namespace CredIr.Grpc.Internal.Binding;

/// <summary>One rpc of a contract, matched to its C# interface method.</summary>
internal sealed record ContractMethod(
    MethodDescriptor Descriptor,
    MethodKind Kind,
    MethodInfo Method,
    Type RequestType,
    Type ResponseType)
{
    /// <summary>"/credir.v1.Containment/PlanContainment".</summary>
    public string Path { get; } = $"/{Descriptor.Service.FullName}/{Descriptor.Name}";

    public string FullName => $"{Descriptor.Service.FullName}/{Descriptor.Name}";
}

using Google.Protobuf.Reflection;

namespace CredIr.Grpc.Internal.Binding;

/// <summary>A contract interface bound to its proto service: every rpc has its method.</summary>
internal sealed record ContractDescription(Type ContractType, ServiceDescriptor Service, IReadOnlyList<ContractMethod> Methods);

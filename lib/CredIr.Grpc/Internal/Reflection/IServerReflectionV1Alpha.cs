using CredIr.Grpc.Reflection.V1Alpha;

namespace CredIr.Grpc.Internal.Reflection;

[GrpcService("grpc.reflection.v1alpha.ServerReflection", typeof(ReflectionReflection))]
internal interface IServerReflectionV1Alpha
{
    IAsyncEnumerable<ServerReflectionResponse> ServerReflectionInfoAsync(IAsyncEnumerable<ServerReflectionRequest> requests, CallContext context);
}

using CredIr.Grpc.Reflection.V1;

namespace CredIr.Grpc.Internal.Reflection;

[GrpcService("grpc.reflection.v1.ServerReflection", typeof(ReflectionReflection))]
internal interface IServerReflectionV1
{
    IAsyncEnumerable<ServerReflectionResponse> ServerReflectionInfoAsync(IAsyncEnumerable<ServerReflectionRequest> requests, CallContext context);
}

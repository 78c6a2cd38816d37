using CredIr.Grpc.Tests.Echo;

namespace CredIr.Grpc.Tests.Support;

[GrpcService("credir.test.v1.Unhosted", typeof(EchoReflection))]
public interface IUnhostedService
{
    Task<EchoReply> PingAsync(EchoRequest request, CallContext context);
}

using CredIr.Grpc.Tests.Echo;

namespace CredIr.Grpc.Tests.Support;

[GrpcService("credir.test.v1.Echo", typeof(EchoReflection))]
public interface IEchoService
{
    Task<EchoReply> SayAsync(EchoRequest request, CallContext context);

    IAsyncEnumerable<EchoReply> CountAsync(EchoRequest request, CallContext context);

    Task<EchoReply> CollectAsync(IAsyncEnumerable<EchoRequest> requests, CallContext context);

    IAsyncEnumerable<EchoReply> ChatAsync(IAsyncEnumerable<EchoRequest> requests, CallContext context);
}

using CredIr.Bench.Grpc.V1;
using Grpc.Core;

namespace CredIr.Bench.Grpc;

[GrpcService("credir.bench.v1.Bench", typeof(BenchReflection))]
public interface IBenchService
{
    Task<Payload> PingAsync(Payload request, CallContext context);

    IAsyncEnumerable<Payload> StreamAsync(StreamRequest request, CallContext context);
}

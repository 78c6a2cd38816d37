using CredIr.Bench.Grpc.V1;
using CredIr.Hosting;
using Grpc.Core;

namespace CredIr.Bench.Grpc;

/// <summary>credir.bench.v1.Bench on Grpc.AspNetCore: echoes a payload, or streams it back Count times.</summary>
internal sealed class BenchService : V1.Bench.BenchBase
{
    public override Task<Payload> Ping(Payload request, ServerCallContext context) => Task.FromResult(new Payload { Data = request.Data });

    // Through the product's own stream writer (coalesced flushes while messages are ready), as the services write.
    public override Task Stream(StreamRequest request, IServerStreamWriter<Payload> responseStream, ServerCallContext context) =>
        responseStream.WriteAllAsync(Enumerable.Repeat(new Payload { Data = request.Data }, request.Count).ToAsyncEnumerable(), context.CancellationToken);
}

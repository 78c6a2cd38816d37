using CredIr.Bench.Grpc.V1;
using Grpc.Core;

namespace CredIr.Bench.Grpc;

/// <summary>credir.bench.v1.Bench on Grpc.AspNetCore: echoes a payload, or streams it back Count times.</summary>
internal sealed class BenchService : V1.Bench.BenchBase
{
    public override Task<Payload> Ping(Payload request, ServerCallContext context) => Task.FromResult(new Payload { Data = request.Data });

    public override async Task Stream(StreamRequest request, IServerStreamWriter<Payload> responseStream, ServerCallContext context)
    {
        var message = new Payload { Data = request.Data };
        for (var i = 0; i < request.Count; i++)
        {
            await responseStream.WriteAsync(message, context.CancellationToken).ConfigureAwait(false);
        }
    }
}

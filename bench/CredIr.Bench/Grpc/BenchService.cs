using CredIr.Bench.Grpc.V1;
using Grpc.Core;

namespace CredIr.Bench.Grpc;

internal sealed class BenchService : IBenchService
{
    public Task<Payload> PingAsync(Payload request, CallContext context) => Task.FromResult(new Payload { Data = request.Data });

    public async IAsyncEnumerable<Payload> StreamAsync(StreamRequest request, CallContext context)
    {
        var message = new Payload { Data = request.Data };
        for (var i = 0; i < request.Count; i++)
        {
            yield return message;
        }

        await Task.CompletedTask;
    }
}

using System.Runtime.CompilerServices;
using CredIr.Grpc.Health.V1;

namespace CredIr.Grpc.Internal.Health;

internal sealed class HealthService(HealthStatusRegistry registry) : IHealthService
{
    public Task<HealthCheckResponse> CheckAsync(HealthCheckRequest request, CallContext context)
    {
        if (!registry.TryGetStatus(request.Service, out var status))
        {
            throw new RpcException(StatusCode.NotFound, $"Unknown service '{request.Service}'.");
        }

        return Task.FromResult(Response(status));
    }

    public async IAsyncEnumerable<HealthCheckResponse> WatchAsync(HealthCheckRequest request, CallContext context)
    {
        await foreach (var status in WatchStatusAsync(request.Service, context.CancellationToken).ConfigureAwait(false))
        {
            yield return Response(status);
        }
    }

    private async IAsyncEnumerable<ServingStatus> WatchStatusAsync(string service, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ServingStatus? last = null;
        while (true)
        {
            var (current, changed) = registry.Observe(service);
            var status = current ?? ServingStatus.ServiceUnknown;
            if (status != last)
            {
                last = status;
                yield return status;
            }

            await changed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static HealthCheckResponse Response(ServingStatus status) =>
        new() { Status = (HealthCheckResponse.Types.ServingStatus)status };
}

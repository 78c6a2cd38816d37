using CredIr.Grpc.Health.V1;

namespace CredIr.Grpc;

/// <summary>The standard grpc.health.v1.Health contract, served by MapGrpcInfrastructure.</summary>
[GrpcService("grpc.health.v1.Health", typeof(HealthReflection))]
public interface IHealthService
{
    Task<HealthCheckResponse> CheckAsync(HealthCheckRequest request, CallContext context);

    IAsyncEnumerable<HealthCheckResponse> WatchAsync(HealthCheckRequest request, CallContext context);
}

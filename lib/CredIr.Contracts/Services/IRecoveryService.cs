using CredIr.Contracts.V1;
using CredIr.Grpc;

namespace CredIr.Contracts.Services;

/// <summary>
/// The contract of credir.v1.Recovery (protos/credir/v1/recovery.proto): implemented in-process by the
/// service, or called over the wire through <c>GrpcChannel.CreateClient&lt;IRecoveryService&gt;()</c>.
/// </summary>
[GrpcService("credir.v1.Recovery", typeof(RecoveryReflection))]
public interface IRecoveryService
{
    /// <summary>A recovery item per modified or deleted resource, its strategy chosen from what exists.</summary>
    Task<PlanRecoveryResponse> PlanRecoveryAsync(PlanRecoveryRequest request, CallContext context);

    /// <summary>Executes approved recovery items, streaming each one's progress. Idempotent per item.</summary>
    IAsyncEnumerable<RecoveryItem> ExecuteRecoveryAsync(ExecuteRecoveryRequest request, CallContext context);
}

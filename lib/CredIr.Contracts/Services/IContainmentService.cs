using CredIr.Contracts.V1;
using CredIr.Grpc;

namespace CredIr.Contracts.Services;

/// <summary>
/// The contract of credir.v1.Containment (protos/credir/v1/containment.proto): implemented in-process by the
/// service, or called over the wire through <c>GrpcChannel.CreateClient&lt;IContainmentService&gt;()</c>.
/// </summary>
[GrpcService("credir.v1.Containment", typeof(ContainmentReflection))]
public interface IContainmentService
{
    /// <summary>What would change for each credential, who is affected, and what cannot be revoked.</summary>
    Task<Plan> PlanContainmentAsync(PlanContainmentRequest request, CallContext context);

    /// <summary>Executes an approved plan, streaming each step's result as it completes. Idempotent per step.</summary>
    IAsyncEnumerable<PlanStep> ExecuteContainmentAsync(ExecutePlanRequest request, CallContext context);

    /// <summary>Restores exactly the prior states recorded by an execution (a false positive).</summary>
    IAsyncEnumerable<PlanStep> RollbackContainmentAsync(RollbackRequest request, CallContext context);

    /// <summary>Watches CloudTrail for the contained credentials for a window and reports every use.</summary>
    IAsyncEnumerable<VerificationUpdate> VerifyContainmentAsync(VerifyContainmentRequest request, CallContext context);
}

using CredIr.Contracts.V1;
using CredIr.Grpc;

namespace CredIr.Contracts.Services;

/// <summary>
/// The contract of credir.v1.Eradication (protos/credir/v1/eradication.proto): implemented in-process by the
/// service, or called over the wire through <c>GrpcChannel.CreateClient&lt;IEradicationService&gt;()</c>.
/// </summary>
[GrpcService("credir.v1.Eradication", typeof(EradicationReflection))]
public interface IEradicationService
{
    /// <summary>Scans the trail for the credentials, following derived credentials unless told not to. Streams events, new credentials, progress and gaps as they come; ends with a summary.</summary>
    IAsyncEnumerable<ScanUpdate> ScanAsync(ScanRequest request, CallContext context);

    /// <summary>For every resource the actor created that still exists, the deletion steps in dependency order.</summary>
    Task<Plan> PlanEradicationAsync(PlanEradicationRequest request, CallContext context);

    /// <summary>Executes an approved eradication plan, streaming each step's result. Idempotent per step.</summary>
    IAsyncEnumerable<PlanStep> ExecuteEradicationAsync(ExecutePlanRequest request, CallContext context);
}

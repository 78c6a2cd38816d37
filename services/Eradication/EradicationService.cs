using CredIr.Contracts.Services;
using CredIr.Contracts.V1;
using CredIr.Eradication.Execution;
using CredIr.Eradication.Planning;
using CredIr.Eradication.Scanning;
using CredIr.Grpc;

namespace CredIr.Eradication;

/// <summary>
/// credir.v1.Eradication: the scan over log files and LookupEvents; the plan from the current state of what the
/// actor created (read through the response role in each account); its approved execution, step by step.
/// </summary>
public sealed class EradicationService(ScanHandler scan, PlanHandler plans, EradicationExecutor executor) : IEradicationService
{
    public IAsyncEnumerable<ScanUpdate> ScanAsync(ScanRequest request, CallContext context) => scan.ScanAsync(request, context);

    public Task<Plan> PlanEradicationAsync(PlanEradicationRequest request, CallContext context) => plans.PlanEradicationAsync(request, context);

    public IAsyncEnumerable<PlanStep> ExecuteEradicationAsync(ExecutePlanRequest request, CallContext context) => executor.ExecuteAsync(request, context);
}

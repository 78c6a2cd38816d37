using CredIr.Containment.Execution;
using CredIr.Containment.Planning;
using CredIr.Containment.Rollback;
using CredIr.Containment.Verification;
using CredIr.Contracts.Services;
using CredIr.Contracts.V1;
using CredIr.Grpc;
using Microsoft.Extensions.Logging;

namespace CredIr.Containment;

/// <summary>credir.v1.Containment: plan, execute an approved plan, roll back, verify (playbook Part 2).</summary>
internal sealed class ContainmentService(
    ContainmentPlanner planner,
    ContainmentExecutor executor,
    RollbackExecutor rollback,
    VerificationWatcher watcher,
    ILogger<ContainmentService> logger) : IContainmentService
{
    public async Task<Plan> PlanContainmentAsync(PlanContainmentRequest request, CallContext context)
    {
        var plan = await planner.PlanAsync(request, context.CancellationToken).ConfigureAwait(false);
        ContainmentLog.Planned(logger, request.IncidentId, plan.PlanId, plan.Steps.Count);
        return plan;
    }

    public IAsyncEnumerable<PlanStep> ExecuteContainmentAsync(ExecutePlanRequest request, CallContext context) =>
        executor.ExecuteAsync(request, context.CancellationToken);

    public IAsyncEnumerable<PlanStep> RollbackContainmentAsync(RollbackRequest request, CallContext context) =>
        rollback.RollbackAsync(request, context.CancellationToken);

    public IAsyncEnumerable<VerificationUpdate> VerifyContainmentAsync(VerifyContainmentRequest request, CallContext context) =>
        watcher.WatchAsync(request, context.CancellationToken);
}

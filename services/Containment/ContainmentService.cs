using CredIr.Containment.Execution;
using CredIr.Containment.Planning;
using CredIr.Containment.Rollback;
using CredIr.Containment.Verification;
using CredIr.Contracts.V1;
using CredIr.Hosting;
using CredIr.Hosting.Approvals;
using Grpc.Core;
using Microsoft.Extensions.Logging;

namespace CredIr.Containment;

/// <summary>credir.v1.Containment: plan, execute an approved plan, roll back, verify (playbook Part 2).</summary>
internal sealed class ContainmentService(
    ContainmentPlanner planner,
    ContainmentExecutor executor,
    RollbackExecutor rollback,
    VerificationWatcher watcher,
    PlanSeals seals,
    ILogger<ContainmentService> logger) : Contracts.V1.Containment.ContainmentBase
{
    public override async Task<Plan> PlanContainment(PlanContainmentRequest request, ServerCallContext context)
    {
        var plan = await planner.PlanAsync(request, context.CancellationToken).ConfigureAwait(false);
        await seals.SealAsync(ApprovalMethods.Containment, plan, context.CancellationToken).ConfigureAwait(false);
        ContainmentLog.Planned(logger, request.IncidentId, plan.PlanId, plan.Steps.Count);
        return plan;
    }

    public override Task ExecuteContainment(ExecutePlanRequest request, IServerStreamWriter<PlanStep> responseStream, ServerCallContext context) =>
        responseStream.WriteAllAsync(executor.ExecuteAsync(request, context.CancellationToken), context.CancellationToken);

    public override Task RollbackContainment(RollbackRequest request, IServerStreamWriter<PlanStep> responseStream, ServerCallContext context) =>
        responseStream.WriteAllAsync(rollback.RollbackAsync(request, context.CancellationToken), context.CancellationToken);

    public override Task VerifyContainment(VerifyContainmentRequest request, IServerStreamWriter<VerificationUpdate> responseStream, ServerCallContext context) =>
        responseStream.WriteAllAsync(watcher.WatchAsync(request, context.CancellationToken), context.CancellationToken);
}

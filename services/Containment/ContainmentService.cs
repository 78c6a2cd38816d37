using CredIr.Containment.Execution;
using CredIr.Containment.Planning;
using CredIr.Containment.Rollback;
using CredIr.Containment.Verification;
using CredIr.Contracts.Providers;
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
    ILogger<ContainmentService> logger,
    IEnumerable<ICloudContainment> clouds) : Contracts.V1.Containment.ContainmentBase
{
    public override async Task<Plan> PlanContainment(PlanContainmentRequest request, ServerCallContext context)
    {
        var plan = Cloud(CloudProviders.Of(request.Credentials)) is { } cloud
            ? await cloud.PlanAsync(request, context.CancellationToken).ConfigureAwait(false)
            : await planner.PlanAsync(request, context.CancellationToken).ConfigureAwait(false);
        await seals.SealAsync(ApprovalMethods.Containment, plan, context.CancellationToken).ConfigureAwait(false);
        ContainmentLog.Planned(logger, request.IncidentId, plan.PlanId, plan.Steps.Count);
        return plan;
    }

    public override Task ExecuteContainment(ExecutePlanRequest request, IServerStreamWriter<PlanStep> responseStream, ServerCallContext context) =>
        responseStream.WriteAllAsync(Cloud(request.Plan?.Provider) is { } cloud
            ? cloud.ExecuteAsync(request, context.CancellationToken)
            : executor.ExecuteAsync(request, context.CancellationToken), context.CancellationToken);

    public override Task RollbackContainment(RollbackRequest request, IServerStreamWriter<PlanStep> responseStream, ServerCallContext context) =>
        responseStream.WriteAllAsync(Cloud(request.ExecutedPlan?.Provider) is { } cloud
            ? cloud.RollbackAsync(request, context.CancellationToken)
            : rollback.RollbackAsync(request, context.CancellationToken), context.CancellationToken);

    public override Task VerifyContainment(VerifyContainmentRequest request, IServerStreamWriter<VerificationUpdate> responseStream, ServerCallContext context) =>
        responseStream.WriteAllAsync(Cloud(CloudProviders.Of(request.Credentials)) is { } cloud
            ? cloud.WatchAsync(request, context.CancellationToken)
            : watcher.WatchAsync(request, context.CancellationToken), context.CancellationToken);

    /// <summary>The containment of a cloud other than AWS, or null for AWS (this service's own).</summary>
    private ICloudContainment? Cloud(CloudProvider? provider)
    {
        var wanted = CloudProviders.Normalize(provider ?? CloudProvider.Unspecified);
        if (wanted == CloudProvider.Aws)
        {
            return null;
        }

        return clouds.FirstOrDefault(c => c.Provider == wanted)
            ?? throw new RpcException(new Status(StatusCode.FailedPrecondition, $"This containment service does not act on {CloudProviders.Name(wanted)}."));
    }
}

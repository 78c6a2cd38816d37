using CredIr.Contracts.V1;

namespace CredIr.Containment;

/// <summary>
/// Containment on a cloud other than AWS (AWS's is the service's own planner, executor, rollback and watcher). The
/// service dispatches on the credentials' provider to plan and watch, on the sealed plan's provider to execute and roll
/// back; approvals, seals and the plan's shape are the same for every cloud.
/// </summary>
internal interface ICloudContainment
{
    CloudProvider Provider { get; }

    Task<Plan> PlanAsync(PlanContainmentRequest request, CancellationToken ct);

    IAsyncEnumerable<PlanStep> ExecuteAsync(ExecutePlanRequest request, CancellationToken ct);

    IAsyncEnumerable<PlanStep> RollbackAsync(RollbackRequest request, CancellationToken ct);

    IAsyncEnumerable<VerificationUpdate> WatchAsync(VerifyContainmentRequest request, CancellationToken ct);
}

using System.Runtime.CompilerServices;
using CredIr.Containment.Execution;
using CredIr.Containment.Rollback;
using CredIr.Containment.Verification;
using CredIr.Contracts.Plans;
using CredIr.Contracts.V1;
using CredIr.Hosting.Approvals;
using CredIr.HuaweiCloud;
using CredIr.HuaweiCloud.Cts;
using CredIr.HuaweiCloud.Hosting;
using CredIr.HuaweiCloud.Playbook;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CredIr.Containment.HuaweiCloud;

/// <summary>
/// Containment on Huawei Cloud (SecMaster's playbook: disable the leaked AK through IAM): plans from
/// <see cref="HuaweiContainmentPlanner"/>, executes and rolls back sealed, approved plans with the same gate as AWS,
/// and watches CTS for uses of the contained AKs after containment.
/// </summary>
internal sealed class HuaweiContainment(
    HuaweiCloudAccess access,
    HuaweiContainmentPlanner planner,
    ApprovalGate approvals,
    PlanSeals seals,
    IOptions<ContainmentServiceOptions> options,
    TimeProvider time,
    ILogger<HuaweiContainment> logger) : ICloudContainment
{
    private readonly HuaweiStepRunner _runner = new(access);

    public CloudProvider Provider => CloudProvider.HuaweiCloud;

    public Task<Plan> PlanAsync(PlanContainmentRequest request, CancellationToken ct) => planner.PlanAsync(request, ct);

    public async IAsyncEnumerable<PlanStep> ExecuteAsync(ExecutePlanRequest request, [EnumeratorCancellation] CancellationToken ct)
    {
        await approvals.RequireAsync(ApprovalMethods.Containment, ApprovalMethods.ExecuteContainment, request.IncidentId, request.Approval, request.Plan, "plan", ct).ConfigureAwait(false);
        RefuseCompromisedResponder(request.Plan);
        var failed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var step in PlanStepOrder.Sort(request.Plan.Steps, request.StepIds))
        {
            var result = await RunAsync(step, failed, ct).ConfigureAwait(false);
            if (result.Status == StepStatus.Failed)
            {
                failed.Add(result.StepId);
            }

            ContainmentLog.StepExecuted(logger, request.IncidentId, result.StepId, result.Action, result.Status);
            await seals.SealExecutedAsync(ApprovalMethods.Containment, result, ct).ConfigureAwait(false);
            yield return result;
        }
    }

    public async IAsyncEnumerable<PlanStep> RollbackAsync(RollbackRequest request, [EnumeratorCancellation] CancellationToken ct)
    {
        await approvals.RequireAsync(ApprovalMethods.Containment, ApprovalMethods.RollbackContainment, request.IncidentId, request.Approval, request.ExecutedPlan, "executed_plan", ct).ConfigureAwait(false);
        await RollbackExecutor.RequireSealedAsync(seals, request.ExecutedPlan, ct).ConfigureAwait(false);

        RefuseCompromisedResponder(request.ExecutedPlan);
        foreach (var step in PlanStepOrder.Sort(request.ExecutedPlan.Steps, []).Reverse())
        {
            var result = step.Clone();
            StepOutcome outcome;
            if (step.Status is not (StepStatus.Succeeded or StepStatus.AlreadyDone))
            {
                outcome = new StepOutcome(StepStatus.Skipped, $"Nothing to restore: the step was not carried out ({step.Status}).");
            }
            else if (PriorState.Parse(step.PriorStateJson) is not { } prior || HuaweiSteps.Parse(step.ParametersJson) is not { } parameters)
            {
                outcome = new StepOutcome(StepStatus.Failed, "No prior state was recorded for this step: restore it by hand.");
            }
            else
            {
                outcome = await GuardAsync(() => _runner.RestoreAsync(step, parameters, prior, ct), ct).ConfigureAwait(false);
            }

            Finish(result, outcome);
            ContainmentLog.StepRolledBack(logger, request.IncidentId, result.StepId, result.Action, result.Status);
            yield return result;
        }
    }

    /// <summary>
    /// Reads CTS for traces of the contained AKs in every region project, from the containment time, each poll, until the
    /// window (plus the delivery allowance) ends. A call the API gateway refuses (an inactive AK) leaves no trace, so
    /// any trace is a use that got through to the service.
    /// </summary>
    public async IAsyncEnumerable<VerificationUpdate> WatchAsync(VerifyContainmentRequest request, [EnumeratorCancellation] CancellationToken ct)
    {
        if (request.ContainedAt is null)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "contained_at: the time containment took effect is required."));
        }

        if (!access.IsConfigured)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, HuaweiCloudAccess.NotConfigured));
        }

        var settings = options.Value;
        var window = request.Window is { } w && w.ToTimeSpan() > TimeSpan.Zero ? w.ToTimeSpan() : settings.VerificationWindow;
        var poll = request.PollInterval is { } p && p.ToTimeSpan() > TimeSpan.Zero ? p.ToTimeSpan() : settings.VerificationPollInterval;
        var delay = request.DeliveryDelay is { } d ? d.ToTimeSpan() : settings.VerificationDeliveryDelay;
        var containedAt = request.ContainedAt.ToDateTimeOffset();
        var end = containedAt + window + delay;
        var keys = request.Credentials.Select(static c => c.AccessKeyId).Where(static k => k.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var state = new WatchState();
        IReadOnlyList<CredIr.HuaweiCloud.Iam.IamProject> projects;
        try
        {
            projects = await access.RegionProjectsAsync(ct).ConfigureAwait(false);
        }
        catch (HuaweiCloudException e)
        {
            throw HuaweiRpcErrors.ToRpc(e);
        }

        while (true)
        {
            var now = time.GetUtcNow();
            foreach (var project in projects)
            {
                foreach (var use in await PollAsync(project, keys, state, containedAt, now, request.IncidentId, ct).ConfigureAwait(false))
                {
                    yield return new VerificationUpdate { Use = use };
                }

                foreach (var gap in state.TakeNewGaps())
                {
                    yield return new VerificationUpdate { Gap = gap };
                }
            }

            yield return new VerificationUpdate { Progress = new VerificationProgress { CheckedUntil = Timestamp.FromDateTimeOffset(now), UsesSeen = state.Allowed + state.Denied } };
            if (now >= end)
            {
                break;
            }

            await Task.Delay(end - now < poll ? end - now : poll, time, ct).ConfigureAwait(false);
        }

        var result = state.Result(window, delay, "CTS", "Data traces (such as OBS object reads) are recorded only by a data tracker and were not watched; calls the API gateway refused (an inactive AK) leave no trace.");
        ContainmentLog.Verified(logger, request.IncidentId, result.Verdict, result.UsesAllowed, result.UsesDenied);
        yield return new VerificationUpdate { Result = result };
    }

    private async Task<List<TrailEvent>> PollAsync(CredIr.HuaweiCloud.Iam.IamProject project, List<string> keys, WatchState state, DateTimeOffset from, DateTimeOffset to, string incidentId, CancellationToken ct)
    {
        var uses = new List<TrailEvent>();
        if (state.IsUnreadable(project.DomainId ?? "", project.Name))
        {
            return uses;
        }

        try
        {
            foreach (var key in keys)
            {
                var query = new CtsTraceQuery { AccessKeyId = key, From = from, To = to, Limit = HuaweiCtsClient.MaxLimit };
                await foreach (var trace in access.Cts.ListAllTracesAsync(project.Name, project.Id, query, ct).ConfigureAwait(false))
                {
                    if (trace.At >= from && state.FirstTime(trace.TraceId))
                    {
                        var use = CtsTrailEvents.ToTrailEvent(trace, project.Name);
                        state.Count(use);
                        uses.Add(use);
                    }
                }
            }
        }
        catch (HuaweiCloudException e) when (!ct.IsCancellationRequested)
        {
            ContainmentLog.VerificationGap(logger, incidentId, project.DomainId ?? "", project.Name, e.ErrorCode);
            state.Unreadable(project.DomainId ?? "", project.Name, $"CTS could not be read: {HuaweiStepRunner.Describe(e)}", e.ErrorCode);
        }

        return uses;
    }

    private void RefuseCompromisedResponder(Plan plan)
    {
        if (!access.IsConfigured)
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition, HuaweiCloudAccess.NotConfigured));
        }

        var key = access.ResponderAccessKeyId;
        if (plan.Steps.Any(s => string.Equals(s.AccessKeyId, key, StringComparison.Ordinal)))
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition,
                $"The responder's own AK {key} is one of the credentials this plan contains: containment never acts with it. Act with another AK."));
        }
    }

    private async Task<PlanStep> RunAsync(PlanStep step, HashSet<string> failed, CancellationToken ct)
    {
        var result = step.Clone();
        if (step.Status is StepStatus.Skipped or StepStatus.Manual)
        {
            return result;
        }

        if (step.DependsOn.FirstOrDefault(failed.Contains) is { } blocker)
        {
            return Finish(result, new StepOutcome(StepStatus.Failed, $"Not run: it depends on step {blocker}, which failed."));
        }

        if (HuaweiSteps.Parse(step.ParametersJson) is not { } parameters)
        {
            return Finish(result, new StepOutcome(StepStatus.Failed, $"Not run: '{step.Action}' has no user id among its parameters."));
        }

        return Finish(result, await GuardAsync(() => _runner.ApplyAsync(step, parameters, ct), ct).ConfigureAwait(false));
    }

    private static async Task<StepOutcome> GuardAsync(Func<Task<StepOutcome>> act, CancellationToken ct)
    {
        try
        {
            return await act().ConfigureAwait(false);
        }
        catch (HuaweiCloudException e) when (!ct.IsCancellationRequested)
        {
            return new StepOutcome(StepStatus.Failed, HuaweiStepRunner.Describe(e));
        }
    }

    private PlanStep Finish(PlanStep result, StepOutcome outcome) => outcome.ApplyTo(result, time.GetUtcNow());
}

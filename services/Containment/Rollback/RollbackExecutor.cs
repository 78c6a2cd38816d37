using System.Runtime.CompilerServices;
using CredIr.Containment.Cloud;
using CredIr.Containment.Execution;
using CredIr.Containment.Planning;
using CredIr.Contracts.Plans;
using CredIr.Hosting.Approvals;
using Grpc.Core;
using CredIr.Contracts.V1;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Logging;

namespace CredIr.Containment.Rollback;

/// <summary>
/// Restores the prior states an execution recorded, last step first: keys Active again, inline
/// policies deleted or restored, trust policies restored; a deleted password becomes a task for a person.
/// </summary>
internal sealed class RollbackExecutor(ResponderAccess access, StepHandlers handlers, ApprovalGate approvals, PlanSeals seals, TimeProvider time, ILogger<RollbackExecutor> logger)
{
    public async IAsyncEnumerable<PlanStep> RollbackAsync(RollbackRequest request, [EnumeratorCancellation] CancellationToken ct)
    {
        await approvals.RequireAsync(ApprovalMethods.Containment, ApprovalMethods.RollbackContainment, request.IncidentId, request.Approval, request.ExecutedPlan, "executed_plan", ct).ConfigureAwait(false);
        await RequireSealedAsync(seals, request.ExecutedPlan, ct).ConfigureAwait(false);

        var steps = PlanStepOrder.Sort(request.ExecutedPlan.Steps, []).Reverse().ToList();
        using var responder = access.Open(request.IncidentId, null);
        await ContainmentExecutor.RefuseCompromisedResponderAsync(responder, request.ExecutedPlan).ConfigureAwait(false);
        foreach (var step in steps)
        {
            var result = await RestoreAsync(step, responder, ct).ConfigureAwait(false);
            ContainmentLog.StepRolledBack(logger, request.IncidentId, result.StepId, result.Action, result.Status);
            yield return result;
        }
    }

    /// <summary>A prior state is restored only as this service recorded it: a forged one could "restore" any policy.</summary>
    internal static async Task RequireSealedAsync(PlanSeals seals, Plan executedPlan, CancellationToken ct)
    {
        foreach (var step in executedPlan.Steps.Where(static s => s.Status is StepStatus.Succeeded or StepStatus.AlreadyDone))
        {
            if (!await seals.IsSealedExecutedAsync(ApprovalMethods.Containment, step, ct).ConfigureAwait(false))
            {
                throw new RpcException(new Status(StatusCode.PermissionDenied,
                    $"executed_plan: step {step.StepId} is not as this containment service executed it (its seal does not match): roll back only the steps ExecuteContainment returned, unchanged."));
            }
        }
    }

    private async Task<PlanStep> RestoreAsync(PlanStep step, ResponderSession responder, CancellationToken ct)
    {
        var result = step.Clone();
        if (step.Status is not (StepStatus.Succeeded or StepStatus.AlreadyDone))
        {
            return Finish(result, new StepOutcome(StepStatus.Skipped, $"Nothing to restore: the step was not carried out ({step.Status})."));
        }

        if (PriorState.Parse(step.PriorStateJson) is not { } prior)
        {
            return Finish(result, new StepOutcome(StepStatus.Failed, "No prior state was recorded for this step: restore it by hand."));
        }

        if (handlers.For(step.Action) is not { } handler || StepParameters.Parse(step.ParametersJson) is not { AccountId.Length: > 0 } parameters)
        {
            return Finish(result, new StepOutcome(StepStatus.Failed, $"'{step.Action}' with these parameters is not a step this service restores."));
        }

        try
        {
            var scope = await responder.ScopeForAsync(parameters.AccountId, ct).ConfigureAwait(false);
            return Finish(result, await handler.RestoreAsync(scope.Iam, parameters, prior, ct).ConfigureAwait(false));
        }
        catch (Exception e) when (AwsErrors.IsCloudError(e) && !ct.IsCancellationRequested)
        {
            return Finish(result, new StepOutcome(StepStatus.Failed, ContainmentExecutor.Describe(e)));
        }
    }

    private PlanStep Finish(PlanStep result, StepOutcome outcome)
    {
        result.Status = outcome.Status;
        result.ResultMessage = outcome.Message;
        result.ExecutedAt = Timestamp.FromDateTimeOffset(time.GetUtcNow());
        return result;
    }
}

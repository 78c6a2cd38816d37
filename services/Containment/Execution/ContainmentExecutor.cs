using System.Runtime.CompilerServices;
using CredIr.Containment.Cloud;
using CredIr.Containment.GuardRails;
using CredIr.Containment.Planning;
using CredIr.Contracts.Plans;
using CredIr.Hosting.Approvals;
using CredIr.Contracts.V1;
using Grpc.Core;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CredIr.Containment.Execution;

/// <summary>
/// Executes an approved plan step by step in dependency order, each step idempotent and recording
/// the prior state; a failed step fails the steps that depend on it, and the others go on.
/// </summary>
internal sealed class ContainmentExecutor(
    ResponderAccess access, StepHandlers handlers, ApprovalGate approvals, PlanSeals seals, IOptions<ContainmentServiceOptions> options, TimeProvider time, ILogger<ContainmentExecutor> logger)
{
    public async IAsyncEnumerable<PlanStep> ExecuteAsync(ExecutePlanRequest request, [EnumeratorCancellation] CancellationToken ct)
    {
        await approvals.RequireAsync(ApprovalMethods.Containment, ApprovalMethods.ExecuteContainment, request.IncidentId, request.Approval, request.Plan, "plan", ct).ConfigureAwait(false);
        var steps = PlanStepOrder.Sort(request.Plan.Steps, request.StepIds);
        using var responder = access.Open(request.IncidentId, null);
        await RefuseCompromisedResponderAsync(responder, request.Plan).ConfigureAwait(false);
        GuardRail guard;
        try
        {
            guard = await GuardRail.CreateAsync(options.Value, responder, ct).ConfigureAwait(false);
        }
        catch (Exception e) when (AwsErrors.IsCloudError(e))
        {
            throw AwsErrors.ToRpc(e, "sts:GetCallerIdentity of the responder");
        }

        var failed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var step in steps)
        {
            var result = Refused(step, guard) ?? await RunAsync(step, responder, guard, failed, ct).ConfigureAwait(false);
            if (result.Status == StepStatus.Failed)
            {
                failed.Add(result.StepId);
            }

            ContainmentLog.StepExecuted(logger, request.IncidentId, result.StepId, result.Action, result.Status);

            // The step as executed, prior state included, is what a rollback restores: sealed so no one else can write one.
            await seals.SealExecutedAsync(ApprovalMethods.Containment, result, ct).ConfigureAwait(false);
            yield return result;
        }
    }

    internal static async Task RefuseCompromisedResponderAsync(ResponderSession responder, Plan plan)
    {
        var key = await responder.AccessKeyIdAsync().ConfigureAwait(false);
        if (plan.Steps.Any(s => string.Equals(s.AccessKeyId, key, StringComparison.Ordinal)))
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition,
                $"The responder's own access key {key} is one of the credentials this plan contains: containment never acts with them. Act with other credentials."));
        }
    }

    /// <summary>The guard rails are checked again: a plan edited after planning must not reach a protected principal.</summary>
    private static PlanStep? Refused(PlanStep step, GuardRail guard)
    {
        if (step.Status == StepStatus.Skipped || step.Target is null || !CredIr.Aws.Arn.TryParse(step.Target.Arn, out var arn))
        {
            return null;
        }

        var type = arn.ResourceType is "user" or "role" ? arn.ResourceType : null;
        if (type is null || guard.Refusal(arn.AccountId, type, arn.ResourceName, step.Target.Arn, step.Action) is not { } refusal)
        {
            return null;
        }

        var result = step.Clone();
        result.Status = StepStatus.Skipped;
        result.RefusedReason = refusal;
        return result;
    }

    private async Task<PlanStep> RunAsync(PlanStep step, ResponderSession responder, GuardRail guard, HashSet<string> failed, CancellationToken ct)
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

        if (handlers.For(step.Action) is not { } handler || StepParameters.Parse(step.ParametersJson) is not { AccountId.Length: > 0 } parameters)
        {
            return Finish(result, new StepOutcome(StepStatus.Failed, $"Not run: '{step.Action}' with these parameters is not a step this service executes."));
        }

        try
        {
            var scope = await responder.ScopeForAsync(parameters.AccountId, ct).ConfigureAwait(false);
            var outcome = await handler.ApplyAsync(scope.Iam, parameters, ct).ConfigureAwait(false);
            if (outcome.Status is StepStatus.Succeeded or StepStatus.AlreadyDone && step.Action == StepActions.RoleRevokeOlderSessions
                && parameters.RoleName is { } role && guard.IsResponseRole(parameters.AccountId, "role", role))
            {
                outcome = await ReenterAsync(outcome, responder, parameters, step, ct).ConfigureAwait(false);
            }

            return Finish(result, outcome);
        }
        catch (Exception e) when (AwsErrors.IsCloudError(e) && !ct.IsCancellationRequested)
        {
            return Finish(result, new StepOutcome(StepStatus.Failed, Describe(e)));
        }
    }

    /// <summary>
    /// The deny just put on the response role also ends the response's own session in that account if it was issued
    /// before the cut-off: a fresh one is taken (after the cut-off, to the whole second IAM compares) and must read
    /// the role before the step counts as done. A refusal then means the response is locked out, and the step says so.
    /// </summary>
    private async Task<StepOutcome> ReenterAsync(StepOutcome applied, ResponderSession responder, StepParameters parameters, PlanStep step, CancellationToken ct)
    {
        var cutOff = PolicyDocuments.CutOffOf(parameters.PolicyDocument);
        try
        {
            var scope = await responder.ReenterAsync(parameters.AccountId, cutOff, ct).ConfigureAwait(false);
            await scope.Iam.GetRoleAsync(new CredIr.Aws.GetRoleRequest(parameters.RoleName!), ct).ConfigureAwait(false);
        }
        catch (Exception e) when (AwsErrors.IsCloudError(e) && !ct.IsCancellationRequested)
        {
            ContainmentLog.ResponseLockedOut(logger, step.StepId, parameters.AccountId);
            return new StepOutcome(StepStatus.Failed,
                $"{applied.Message} The response could not enter account {parameters.AccountId} again with a fresh session of {parameters.RoleName} ({Describe(e)}): "
                + "it is locked out of the account; restore access from the management account, then advance.", applied.Prior);
        }

        return applied with { Message = $"{applied.Message} The response entered account {parameters.AccountId} again with a session issued after the cut-off, and it works." };
    }

    internal static string Describe(Exception e) => e is CredIr.Aws.AwsServiceException aws
        ? $"{aws.Service} {aws.Operation} failed: {aws.Code}: {aws.ErrorMessage}"
        : $"AWS could not be reached ({e.GetType().Name}).";

    private PlanStep Finish(PlanStep result, StepOutcome outcome) => outcome.ApplyTo(result, time.GetUtcNow());
}

using System.Runtime.CompilerServices;
using CredIr.Contracts.Plans;
using CredIr.Hosting.Approvals;
using CredIr.Contracts.V1;
using CredIr.Eradication.Cloud;
using Grpc.Core;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Logging;

namespace CredIr.Eradication.Execution;

/// <summary>
/// credir.v1.Eradication/ExecuteEradication: an approved plan's steps in dependency order, each idempotent (it reads
/// the current state first and records it); a failed step stops the steps that depend on it, the others go on.
/// A replay after a crash finds the finished steps ALREADY_DONE and writes nothing for them.
/// </summary>
public sealed class EradicationExecutor
{
    private readonly EradicationCloud _cloud;
    private readonly StepRunner _runner;
    private readonly TimeProvider _time;
    private readonly ILogger<EradicationExecutor> _logger;
    private readonly ApprovalGate _approvals;

    public EradicationExecutor(EradicationCloud cloud, ApprovalGate approvals, TimeProvider time, ILogger<EradicationExecutor> logger)
    {
        _cloud = cloud;
        _approvals = approvals;
        _runner = new StepRunner();
        _time = time;
        _logger = logger;
    }

    public async IAsyncEnumerable<PlanStep> ExecuteAsync(ExecutePlanRequest request, [EnumeratorCancellation] CancellationToken ct)
    {
        await _approvals.RequireAsync(ApprovalMethods.Eradication, ApprovalMethods.ExecuteEradication, request.IncidentId, request.Approval, request.Plan, "plan", ct);
        if (request.Plan.Kind is not (PlanKind.Eradication or PlanKind.Unspecified))
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, $"plan {request.Plan.PlanId} is a {request.Plan.Kind} plan: ExecuteEradication executes eradication plans only."));
        }

        var responderKey = await _cloud.ResponderAccessKeyIdAsync();
        if (request.Plan.CredentialIds.Contains(responderKey) || request.Plan.Steps.Any(s => s.AccessKeyId == responderKey))
        {
            throw new RpcException(new Status(StatusCode.FailedPrecondition,
                $"The responder's own access key {responderKey} is one of the credentials this plan removes: eradication never acts with them. Act with other credentials."));
        }

        var steps = PlanStepOrder.Sort(request.Plan.Steps, request.StepIds);
        var known = request.Plan.Steps.ToDictionary(static s => s.StepId, static s => s.Status, StringComparer.Ordinal);
        using var cloud = _cloud.Open(request.IncidentId, null);
        await foreach (var result in RunAllAsync(steps, known, cloud, request.IncidentId, ct))
        {
            yield return result;
        }
    }

    private async IAsyncEnumerable<PlanStep> RunAllAsync(
        IReadOnlyList<PlanStep> steps, Dictionary<string, StepStatus> statuses, CloudSession cloud, string incidentId, [EnumeratorCancellation] CancellationToken ct)
    {
        foreach (var step in steps)
        {
            ct.ThrowIfCancellationRequested();
            var result = await RunAsync(step, statuses, cloud, ct);
            statuses[result.StepId] = result.Status;
            EradicationLog.StepExecuted(_logger, incidentId, result.StepId, result.Action, result.Status);
            yield return result;
        }
    }

    private async Task<PlanStep> RunAsync(PlanStep step, Dictionary<string, StepStatus> statuses, CloudSession cloud, CancellationToken ct)
    {
        var result = step.Clone();
        if (step.Status is StepStatus.Skipped or StepStatus.Manual)
        {
            return result;
        }

        foreach (var before in step.DependsOn)
        {
            switch (statuses.GetValueOrDefault(before))
            {
                case StepStatus.Failed:
                    return Finish(result, new StepOutcome(StepStatus.Failed, $"Not run: it depends on step {before}, which failed."));
                case StepStatus.Manual or StepStatus.Skipped:
                    return Finish(result, new StepOutcome(StepStatus.Manual, $"Not run: it depends on step {before}, which is left to a person or was skipped; do it after that step. {step.Description}"));
            }
        }

        try
        {
            return Finish(result, await _runner.RunAsync(new StepContext(step, cloud), ct));
        }
        catch (StepInputException e)
        {
            return Finish(result, new StepOutcome(StepStatus.Failed, e.Message));
        }
        catch (Exception e) when (AwsCodes.IsCloudError(e) && !ct.IsCancellationRequested)
        {
            return Finish(result, new StepOutcome(StepStatus.Failed, AwsCodes.Describe(e)));
        }
    }

    private PlanStep Finish(PlanStep result, StepOutcome outcome)
    {
        result.Status = outcome.Status;
        result.ResultMessage = outcome.Message;
        result.ExecutedAt = Timestamp.FromDateTimeOffset(_time.GetUtcNow());
        // A replay finds the change already made: the first run's record of the state before it stays.
        if (outcome.Prior is { } prior && (outcome.Status != StepStatus.AlreadyDone || string.IsNullOrEmpty(result.PriorStateJson)))
        {
            result.PriorStateJson = prior.ToJson();
        }

        return result;
    }
}

using System.Runtime.CompilerServices;
using CredIr.Aws;
using CredIr.Contracts.V1;
using CredIr.Recovery.Cmdb;
using CredIr.Recovery.Planning;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Logging;

namespace CredIr.Recovery.Execution;

/// <summary>
/// Executes recovery items step by step in plan order, yielding the item after every step so a journal sees each
/// result. A failed step stops its item (FAILED, with AWS's message) and the others carry on; manual steps leave
/// the item MANUAL, a task tracked to done by a person. Each change made is written to the CMDB change log.
/// </summary>
internal sealed class RecoveryExecutor(StepRunner runner, ICmdbUpdater cmdb, TimeProvider time, ILogger<RecoveryExecutor> logger)
{
    public async IAsyncEnumerable<RecoveryItem> ExecuteAsync(ExecuteRecoveryRequest request, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var planned in request.Items)
        {
            var item = planned.Clone();
            item.Status = StepStatus.Started;
            foreach (var step in item.Steps)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (step.Status is StepStatus.Succeeded or StepStatus.AlreadyDone)
                {
                    continue;
                }

                var outcome = await RunAsync(step, cancellationToken).ConfigureAwait(false);
                step.Status = outcome.Status;
                step.ResultMessage = outcome.Message;
                step.ExecutedAt = Timestamp.FromDateTimeOffset(time.GetUtcNow());
                if (outcome.PriorStateJson is not null)
                {
                    step.PriorStateJson = outcome.PriorStateJson;
                }

                RecoveryLog.StepDone(logger, request.IncidentId, step.StepId, outcome.Status);
                if (outcome.Status == StepStatus.Succeeded)
                {
                    await cmdb.RecordAsync(new CmdbChange(request.IncidentId, request.RequestId, step.StepId, Arn(item), item.Resource?.Type ?? "",
                        step.Action, outcome.Message, item.Strategy.ToWireName(), NullIfEmpty(item.BackupReference), time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
                }

                if (outcome.Status == StepStatus.Failed)
                {
                    break;
                }

                item.Status = StepStatus.Started;
                yield return item.Clone();
            }

            item.Status = Final(item.Steps);
            yield return item;
        }
    }

    private async Task<StepOutcome> RunAsync(PlanStep step, CancellationToken cancellationToken)
    {
        try
        {
            return await runner.RunAsync(step, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException e)
        {
            return new StepOutcome(StepStatus.Failed, $"{e.Service}:{e.Operation} failed with {e.Code}: {e.ErrorMessage}");
        }
    }

    // Done when every step is: SUCCEEDED if anything changed, ALREADY_DONE if nothing had to; MANUAL while a person's step remains.
    private static StepStatus Final(IEnumerable<PlanStep> steps)
    {
        var statuses = steps.Select(s => s.Status).ToList();
        return statuses.Contains(StepStatus.Failed) ? StepStatus.Failed
            : statuses.Exists(s => s is StepStatus.Planned or StepStatus.Started or StepStatus.Unspecified) ? StepStatus.Started
            : statuses.Contains(StepStatus.Manual) ? StepStatus.Manual
            : statuses.Contains(StepStatus.Succeeded) ? StepStatus.Succeeded
            : StepStatus.AlreadyDone;
    }

    private static string Arn(RecoveryItem item) => string.IsNullOrEmpty(item.Resource?.Arn) ? item.ItemId : item.Resource.Arn;

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;
}

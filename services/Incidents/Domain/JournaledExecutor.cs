using CredIr.Contracts.V1;
using CredIr.Incidents.Storage;

namespace CredIr.Incidents.Domain;

/// <summary>
/// Runs a cloud side effect between two journal rows: the intent before, the result after. A step
/// whose result is journaled is never run again; a step with an intent and no result (the
/// coordinator died in between) is run again, which is safe only because the action is
/// idempotent: it must look at the cloud's current state first and do nothing when the change is
/// already there.
/// </summary>
internal sealed class JournaledExecutor(IIncidentStore store, TimeProvider time)
{
    public async Task<StepOutcome> RunAsync(
        string incidentId,
        string planId,
        string stepId,
        Func<CancellationToken, Task<StepOutcome>> idempotentAction,
        CancellationToken cancellationToken)
    {
        var journal = await store.ReadJournalAsync(incidentId, cancellationToken);
        var rows = journal.Where(r => r.StepId == stepId).ToList();
        if (rows.FirstOrDefault(r => r.Kind == JournalKind.Result) is { } result)
        {
            return new StepOutcome(result.Status, "already done (journaled)", result.PayloadJson);
        }

        var resumed = rows.Any(r => r.Kind == JournalKind.Intent);
        if (!resumed)
        {
            await store.TryAppendJournalAsync(
                new JournalRecord(incidentId, stepId, planId, JournalKind.Intent, StepStatus.Started, time.GetUtcNow(), "{}"),
                cancellationToken);
        }

        // Once the call is made its result must be journaled even if our caller gives up now.
        var outcome = await idempotentAction(cancellationToken);
        await store.TryAppendJournalAsync(
            new JournalRecord(incidentId, stepId, planId, JournalKind.Result, outcome.Status, time.GetUtcNow(), outcome.PayloadJson),
            CancellationToken.None);
        return outcome with { Ran = true, Resumed = resumed };
    }
}

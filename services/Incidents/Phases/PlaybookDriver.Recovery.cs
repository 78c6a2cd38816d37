using Grpc.Core;
using CredIr.Contracts.Calls;
using CredIr.Contracts.V1;
using CredIr.Incidents.Domain;
using CredIr.Incidents.Grains;
using CredIr.Hosting.Approvals;
using Google.Protobuf;

namespace CredIr.Incidents.Phases;

internal sealed partial class PlaybookDriver
{
    /// <summary>Part 4: a strategy per modified or deleted resource, approved, then each item through the journal.</summary>
    private async Task<bool> RecoverAsync(IIncidentSession session, string actor, CancellationToken cancellationToken)
    {
        if (phases.Recovery is not { } recovery)
        {
            return await MissingAsync(session, "recovery", cancellationToken);
        }

        var plan = session.Current.Plans.LastOrDefault(p => p.Kind == PlanKind.Recovery && !PlanRules.IsRejected(session.Current, p));
        if (plan is null)
        {
            var events = await session.Store.ReadFindingsAsync(session.IncidentId, cancellationToken).ToListAsync(cancellationToken);
            var proposed = await recovery.PlanRecoveryAsync(new PlanRecoveryRequest
            {
                IncidentId = session.IncidentId,
                Events = { events },
                Scope = session.Current.Scope,
            }, Context(actor, cancellationToken));
            if (proposed.Items.Count == 0)
            {
                return await MoveAsync(session, Phase.Recovered, "nothing the actor changed needs recovering", cancellationToken);
            }

            await session.CommitAsync(null, "recovery-items", $"{proposed.Items.Count} resource(s) to recover", draft =>
            {
                draft.RecoveryItems.Add(proposed.Items);
                return true;
            }, cancellationToken);
            var recoveryPlan = proposed.Plan ?? new Plan();
            recoveryPlan.Kind = PlanKind.Recovery;
            plan = await ProposeAsync(session, recoveryPlan, actor, cancellationToken);
        }

        if (await GateAsync(session, plan, cancellationToken) is not { } approval)
        {
            return false;
        }

        foreach (var item in session.Current.RecoveryItems.Where(i => !PlanRules.IsTerminal(i.Status)).ToList())
        {
            var stepId = $"{plan.PlanId}/{item.ItemId}";
            var outcome = await journal.RunAsync(session.IncidentId, plan.PlanId, stepId, async ct =>
            {
                var last = item;
                var request = new ExecuteRecoveryRequest
                {
                    RequestId = $"{session.IncidentId}/{stepId}",
                    IncidentId = session.IncidentId,
                    Items = { item },
                    // Recovery executes items, not the plan: the token binds the items sent, taken from the approved plan's incident.
                    Approval = await issuer.IssueAsync(session.IncidentId, approval, ApprovalMethods.ExecuteRecovery, PlanContent.Digest([item]), ct),
                };
                await foreach (var update in recovery.ExecuteRecovery(request, Context(actor, ct, stream: true)).Responses(ct))
                {
                    if (update.ItemId == item.ItemId)
                    {
                        last = update;
                    }
                }

                return new StepOutcome(last.Status, last.Rationale, JsonFormatter.Default.Format(last));
            }, cancellationToken);

            var executed = JsonParser.Default.Parse<RecoveryItem>(outcome.PayloadJson);
            await session.CommitAsync(null, "recovery-item", $"{stepId}: {outcome.Status}", draft =>
            {
                var index = draft.RecoveryItems.IndexOf(draft.RecoveryItems.First(i => i.ItemId == item.ItemId));
                draft.RecoveryItems[index] = new RecoveryItem(executed) { Status = outcome.Status };
                MarkPlanSteps(draft.Plans.First(p => p.PlanId == plan.PlanId), item.ItemId, executed, outcome.Status);
                return true;
            }, cancellationToken);
            if (outcome.Status == StepStatus.Failed)
            {
                await StopAsync(session, $"a responder: recovery of {item.ItemId} failed", outcome.Message, cancellationToken);
                return false;
            }
        }

        return await MoveAsync(session, Phase.Recovered, "every recovery item is done", cancellationToken);
    }

    // The plan is what the responder reads and approved: its steps show what happened to them, like the other phases' plans.
    private static void MarkPlanSteps(Plan plan, string itemId, RecoveryItem executed, StepStatus itemStatus)
    {
        for (var i = 0; i < plan.Steps.Count; i++)
        {
            var step = plan.Steps[i];
            if (executed.Steps.FirstOrDefault(s => s.StepId == step.StepId) is { } done)
            {
                plan.Steps[i] = done.Status == StepStatus.Unspecified ? new PlanStep(done) { Status = itemStatus } : done;
            }
            else if (step.StepId.StartsWith(itemId + "#", StringComparison.Ordinal))
            {
                step.Status = itemStatus;
            }
        }
    }
}

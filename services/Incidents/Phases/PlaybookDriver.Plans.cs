using CredIr.Contracts.V1;
using CredIr.Incidents.Domain;
using CredIr.Incidents.Grains;
using CredIr.Hosting.Approvals;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace CredIr.Incidents.Phases;

internal sealed partial class PlaybookDriver
{
    /// <summary>Adds a plan and asks for its approval (granted at once when a policy applies).</summary>
    private async Task<Plan> ProposeAsync(IIncidentSession session, Plan plan, string actor, CancellationToken cancellationToken)
    {
        var count = session.Current.Plans.Count(p => p.Kind == plan.Kind) + 1;
        plan.PlanId = $"{KindName(plan.Kind)}-{count}";
        plan.CreatedAt ??= Timestamp.FromDateTimeOffset(session.Now);
        var incident = await session.CommitAsync(null, "plan", $"{KindName(plan.Kind)} plan {plan.PlanId} proposed ({plan.Steps.Count} steps)", draft =>
        {
            var stored = plan.Clone();
            draft.Plans.Add(stored);
            var approval = approvals.Request(draft, stored, actor, session.Now);
            IncidentWorkflow.AddTimeline(draft, session.Now, "system", $"plan {stored.PlanId} proposed; approval {approval.ApprovalId}: {approval.Decision}");
            return true;
        }, cancellationToken);
        return incident.Plans.Last(p => p.PlanId == plan.PlanId);
    }

    /// <summary>The approval to execute with, or null after recording what the incident waits for.</summary>
    private static async Task<Approval?> GateAsync(IIncidentSession session, Plan plan, CancellationToken cancellationToken)
    {
        var approval = PlanRules.ApprovalOf(session.Current, plan);
        if (approval is not null && Approvals.IsGranted(approval))
        {
            return approval;
        }

        var waiting = approval?.Decision == ApprovalDecision.Rejected
            ? $"a responder: plan {plan.PlanId} was rejected; advance again for a new plan"
            : $"approval {plan.ApprovalId} of the {KindName(plan.Kind)} plan ({plan.Steps.Count} steps)";
        await StopAsync(session, waiting, string.Empty, cancellationToken);
        return null;
    }

    /// <summary>
    /// Executes each unfinished step alone through the journal; returns false when a step failed
    /// (the incident then waits for a responder).
    /// </summary>
    private async Task<bool> ExecuteAsync(
        IIncidentSession session,
        Plan plan,
        Approval approval,
        string method,
        Func<ExecutePlanRequest, IAsyncEnumerable<PlanStep>> execute,
        CancellationToken cancellationToken)
    {
        foreach (var step in plan.Steps.Where(s => !PlanRules.IsTerminal(s.Status)).ToList())
        {
            var stepId = $"{plan.PlanId}/{step.StepId}";
            var outcome = await journal.RunAsync(session.IncidentId, plan.PlanId, stepId, async ct =>
            {
                var request = new ExecutePlanRequest
                {
                    RequestId = $"{session.IncidentId}/{stepId}",
                    IncidentId = session.IncidentId,
                    Plan = plan,
                    // A fresh token for each call (a retry after a crash included): the service uses each once.
                    Approval = await IssueAsync(session.IncidentId, approval, method, plan, ct),
                    StepIds = { step.StepId },
                };
                PlanStep? result = null;
                await foreach (var update in execute(request).WithCancellation(ct))
                {
                    if (update.StepId == step.StepId)
                    {
                        result = update;
                    }
                }

                result ??= new PlanStep(step) { Status = StepStatus.Failed, ResultMessage = "the phase service returned no result for the step" };
                return new StepOutcome(result.Status, result.ResultMessage, JsonFormatter.Default.Format(result));
            }, cancellationToken);

            if (outcome.Resumed)
            {
                PlaybookDriverLog.StepResumed(logger, session.IncidentId, stepId);
            }

            var executed = JsonParser.Default.Parse<PlanStep>(outcome.PayloadJson);
            await session.CommitAsync(null, "step", $"{stepId} {executed.Action}: {outcome.Status}", draft =>
            {
                var steps = draft.Plans.First(p => p.PlanId == plan.PlanId).Steps;
                var index = steps.IndexOf(steps.First(s => s.StepId == step.StepId));
                steps[index] = new PlanStep(executed) { Status = outcome.Status };
                draft.Journal.Add(new JournalEntry
                {
                    Sequence = draft.Journal.Count + 1,
                    StepId = stepId,
                    PlanId = plan.PlanId,
                    Action = executed.Action,
                    Target = executed.Target,
                    Status = outcome.Status,
                    Message = outcome.Message,
                    At = Timestamp.FromDateTimeOffset(session.Now),
                    ApprovedBy = approval.DecidedBy,
                });
                foreach (var change in CredentialStatuses.Apply(draft, executed, outcome.Status))
                {
                    IncidentWorkflow.AddTimeline(draft, session.Now, "system", $"credential {change} ({stepId})");
                }

                return true;
            }, cancellationToken);

            if (outcome.Status == StepStatus.Failed)
            {
                PlaybookDriverLog.StepFailed(logger, session.IncidentId, stepId);
                var retry = plan.Kind == PlanKind.Containment ? "; fix the cause and advance to retry it in a new plan, or close the incident with force and a reason" : string.Empty;
                await StopAsync(session, $"a responder: step {stepId} failed{retry}", outcome.Message, cancellationToken);
                return false;
            }
        }

        return true;
    }

    /// <summary>A token for one call executing this plan, refused here already if the plan is not the one approved.</summary>
    private Task<ApprovalToken> IssueAsync(string incidentId, Approval approval, string method, Plan plan, CancellationToken cancellationToken)
    {
        var digest = PlanContent.Digest(plan);
        if (approval.PlanDigest.Length > 0 && !approval.PlanDigest.Span.SequenceEqual(digest))
        {
            throw new IncidentException(IncidentErrorKind.FailedPrecondition, $"plan {plan.PlanId} differs from the plan approval {approval.ApprovalId} approved; it is not executed.");
        }

        return issuer.IssueAsync(incidentId, approval, method, digest, cancellationToken);
    }

    private static string KindName(PlanKind kind) => kind switch
    {
        PlanKind.Containment => "containment",
        PlanKind.Eradication => "eradication",
        PlanKind.Recovery => "recovery",
        PlanKind.Rollback => "rollback",
        _ => "plan",
    };
}

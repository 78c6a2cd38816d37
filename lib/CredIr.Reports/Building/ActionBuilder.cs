using CredIr.Contracts.V1;
using CredIr.Reports.Model;

namespace CredIr.Reports.Building;

/// <summary>
/// Every response step with who approved it and what happened: the plans' steps, recovery
/// items' steps outside any plan, and journal records of steps no plan holds any more.
/// </summary>
internal static class ActionBuilder
{
    public static IReadOnlyList<ReportAction> Build(Incident incident)
    {
        var approvalsById = incident.Approvals
            .Where(a => a.ApprovalId.Length > 0)
            .GroupBy(a => a.ApprovalId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Last(), StringComparer.Ordinal);
        // Step ids are unique within a plan only: a journal entry belongs to its plan's step.
        var journal = incident.Journal
            .GroupBy(j => (j.PlanId, j.StepId))
            .ToDictionary(g => g.Key, g => g.OrderBy(j => j.Sequence).ToList());

        var actions = new List<ReportAction>();
        var done = new HashSet<(string PlanId, string StepId)>();
        foreach (var plan in incident.Plans)
        {
            var approval = FindApproval(plan, incident, approvalsById);
            foreach (var step in plan.Steps)
            {
                done.Add((plan.PlanId, step.StepId));
                actions.Add(FromStep(plan.PlanId, ProtoValues.Name(plan.Kind), step, approval, Journal(journal, plan.PlanId, step.StepId)));
            }
        }

        var planned = done.Select(d => d.StepId).ToHashSet(StringComparer.Ordinal);
        foreach (var item in incident.RecoveryItems)
        {
            foreach (var step in item.Steps.Where(s => planned.Add(s.StepId)))
            {
                var entries = journal.Where(kv => kv.Key.StepId == step.StepId).SelectMany(kv => kv.Value).ToList();
                done.UnionWith(entries.Select(j => (j.PlanId, j.StepId)));
                actions.Add(FromStep("", ProtoValues.Name(PlanKind.Recovery), step, null, entries));
            }
        }

        foreach (var (key, entries) in journal.Where(kv => !done.Contains(kv.Key)).OrderBy(kv => kv.Value[0].Sequence))
        {
            var plan = incident.Plans.FirstOrDefault(p => p.PlanId == key.PlanId);
            var approval = plan is null ? null : FindApproval(plan, incident, approvalsById);
            actions.Add(FromJournal(key.StepId, plan, approval, entries));
        }

        return actions;
    }

    public static string ApprovedBy(Approval? approval, IReadOnlyList<JournalEntry> journal)
    {
        if (approval is null)
        {
            return journal.Select(j => j.ApprovedBy).LastOrDefault(a => a.Length > 0) ?? "";
        }

        return approval.Decision switch
        {
            ApprovalDecision.Approved => approval.DecidedBy,
            ApprovalDecision.AutoApproved => $"auto-approved (policy {approval.AutoApprovalPolicy})",
            ApprovalDecision.Rejected => $"rejected by {approval.DecidedBy}",
            ApprovalDecision.Pending => "pending approval",
            _ => "",
        };
    }

    private static Approval? FindApproval(Plan plan, Incident incident, Dictionary<string, Approval> byId) =>
        plan.ApprovalId.Length > 0 && byId.TryGetValue(plan.ApprovalId, out var a)
            ? a
            : incident.Approvals.LastOrDefault(x => x.PlanId == plan.PlanId);

    private static List<JournalEntry> Journal(Dictionary<(string PlanId, string StepId), List<JournalEntry>> journal, string planId, string stepId) =>
        stepId.Length > 0 && journal.TryGetValue((planId, stepId), out var entries) ? entries : [];

    private static ReportAction FromStep(string planId, string planKind, PlanStep step, Approval? approval, List<JournalEntry> journal)
    {
        var last = journal.LastOrDefault();
        // The plan's copy of a step may lag the journal (it is the intent); the journal's last
        // record is what happened.
        var status = step.Status is StepStatus.Unspecified or StepStatus.Planned && last is not null ? last.Status : step.Status;
        return new ReportAction(
            planId,
            planKind,
            step.StepId,
            step.Action,
            ProtoValues.Resource(step.Target),
            step.Description,
            step.AccessKeyId,
            ProtoValues.Name(status),
            step.ResultMessage.Length > 0 ? step.ResultMessage : last?.Message ?? "",
            step.RefusedReason,
            step.Reversible,
            ProtoValues.Time(step.ExecutedAt) ?? ProtoValues.Time(last?.At),
            approval?.ApprovalId ?? "",
            approval is null ? "" : ProtoValues.Name(approval.Decision),
            ApprovedBy(approval, journal),
            approval?.AutoApprovalPolicy ?? "",
            journal.Select(MapJournal).ToList());
    }

    private static ReportAction FromJournal(string stepId, Plan? plan, Approval? approval, List<JournalEntry> journal)
    {
        var last = journal[^1];
        return new ReportAction(
            last.PlanId,
            plan is null ? "" : ProtoValues.Name(plan.Kind),
            stepId,
            last.Action,
            ProtoValues.Resource(last.Target),
            "",
            "",
            ProtoValues.Name(last.Status),
            last.Message,
            "",
            false,
            ProtoValues.Time(last.At),
            approval?.ApprovalId ?? "",
            approval is null ? "" : ProtoValues.Name(approval.Decision),
            ApprovedBy(approval, journal),
            approval?.AutoApprovalPolicy ?? "",
            journal.Select(MapJournal).ToList());
    }

    private static ReportJournalEntry MapJournal(JournalEntry j) =>
        new(j.Sequence, ProtoValues.Time(j.At), ProtoValues.Name(j.Status), j.Message, j.ApprovedBy);
}

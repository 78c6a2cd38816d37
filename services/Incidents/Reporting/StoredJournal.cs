using CredIr.Contracts;
using System.Text.Json;
using System.Text.Json.Nodes;
using CredIr.Contracts.V1;
using CredIr.Incidents.Storage;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace CredIr.Incidents.Reporting;

/// <summary>
/// The store's journal rows the incident document does not hold: a recovery item's result (the
/// driver journals a whole item, its steps inside), a step whose result was journaled by a
/// coordinator that stopped before committing it, and a step that was started and has no result.
/// </summary>
internal static class StoredJournal
{
    private static readonly JsonParser Parser = new(JsonParser.Settings.Default.WithIgnoreUnknownFields(true));

    public static IReadOnlyList<JournalEntry> Missing(Incident incident, IReadOnlyList<JournalRecord> records)
    {
        var known = incident.Journal.Select(j => (j.PlanId, StepIds.Bare(j.PlanId, j.StepId))).ToHashSet();
        var missing = new List<JournalEntry>();
        foreach (var step in records.GroupBy(r => (r.PlanId, StepId: StepIds.Bare(r.PlanId, r.StepId))).Where(g => !known.Contains(g.Key)))
        {
            var result = step.FirstOrDefault(r => r.Kind == JournalKind.Result);
            var approvedBy = ApprovedBy(incident, step.Key.PlanId);
            if (result is null)
            {
                var intent = step.First();
                missing.Add(Entry(step.Key.PlanId, step.Key.StepId, "", null, StepStatus.Started, "started; no result journaled (the coordinator stopped during the step)", intent.At, approvedBy));
            }
            else if (IsRecoveryItem(result.PayloadJson))
            {
                var item = Parser.Parse<RecoveryItem>(result.PayloadJson);
                missing.AddRange(item.Steps.Count == 0
                    ? [Entry(step.Key.PlanId, step.Key.StepId, "", item.Resource, result.Status, item.Rationale, result.At, approvedBy)]
                    : item.Steps.Select(s => Entry(step.Key.PlanId, s.StepId, s.Action, s.Target, s.Status, s.ResultMessage, ExecutedAt(s, result), approvedBy)));
            }
            else
            {
                var executed = Parser.Parse<PlanStep>(result.PayloadJson);
                missing.Add(Entry(step.Key.PlanId, step.Key.StepId, executed.Action, executed.Target, result.Status, executed.ResultMessage, result.At, approvedBy));
            }
        }

        return missing;
    }

    private static bool IsRecoveryItem(string payloadJson)
    {
        try
        {
            return JsonNode.Parse(payloadJson) is JsonObject obj && obj.ContainsKey("itemId");
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static DateTimeOffset ExecutedAt(PlanStep step, JournalRecord result) =>
        ValidTimes.ToDateTimeOffset(step.ExecutedAt) ?? result.At;

    private static string ApprovedBy(Incident incident, string planId)
    {
        var plan = incident.Plans.FirstOrDefault(p => p.PlanId == planId);
        var approval = incident.Approvals.LastOrDefault(a => plan is not null && plan.ApprovalId.Length > 0 ? a.ApprovalId == plan.ApprovalId : a.PlanId == planId);
        return approval?.DecidedBy ?? "";
    }

    private static JournalEntry Entry(string planId, string stepId, string action, ResourceRef? target, StepStatus status, string message, DateTimeOffset at, string approvedBy) => new()
    {
        PlanId = planId,
        StepId = stepId,
        Action = action,
        Target = target,
        Status = status,
        Message = message,
        At = Timestamp.FromDateTimeOffset(at),
        ApprovedBy = approvedBy,
    };
}

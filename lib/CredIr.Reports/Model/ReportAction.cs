using System.Text.Json.Serialization;

namespace CredIr.Reports.Model;

/// <summary>One response step (from a plan, a recovery item or the journal) with its approval and result.</summary>
public sealed record ReportAction(
    [property: JsonPropertyName("planId")] string PlanId,
    [property: JsonPropertyName("planKind")] string PlanKind,
    [property: JsonPropertyName("stepId")] string StepId,
    [property: JsonPropertyName("action")] string Action,
    [property: JsonPropertyName("target")] ReportResource? Target,
    [property: JsonPropertyName("description")] string Description,
    [property: JsonPropertyName("accessKeyId")] string AccessKeyId,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("result")] string Result,
    [property: JsonPropertyName("refusedReason")] string RefusedReason,
    [property: JsonPropertyName("reversible")] bool Reversible,
    [property: JsonPropertyName("executedAt")] DateTimeOffset? ExecutedAt,
    [property: JsonPropertyName("approvalId")] string ApprovalId,
    [property: JsonPropertyName("approvalDecision")] string ApprovalDecision,
    [property: JsonPropertyName("approvedBy")] string ApprovedBy,
    [property: JsonPropertyName("autoApprovalPolicy")] string AutoApprovalPolicy,
    [property: JsonPropertyName("journal")] IReadOnlyList<ReportJournalEntry> Journal);

using System.Text.Json.Serialization;

namespace CredIr.Reports.Model;

/// <summary>A decision on a plan: by a person, or by an auto-approval policy.</summary>
public sealed record ReportApproval(
    [property: JsonPropertyName("approvalId")] string ApprovalId,
    [property: JsonPropertyName("planId")] string PlanId,
    [property: JsonPropertyName("planKind")] string PlanKind,
    [property: JsonPropertyName("decision")] string Decision,
    [property: JsonPropertyName("requestedBy")] string RequestedBy,
    [property: JsonPropertyName("requestedAt")] DateTimeOffset? RequestedAt,
    [property: JsonPropertyName("decidedBy")] string DecidedBy,
    [property: JsonPropertyName("decidedAt")] DateTimeOffset? DecidedAt,
    [property: JsonPropertyName("autoApprovalPolicy")] string AutoApprovalPolicy,
    [property: JsonPropertyName("reason")] string Reason);

using CredIr.Contracts.V1;
using CredIr.Hosting.Approvals;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace CredIr.Incidents.Domain;

/// <summary>
/// Destructive plans wait for a decision. Records who asked, who decided and when; enforces the
/// two-person rule; records automatic approvals with the policy that granted them.
/// </summary>
internal sealed class Approvals(bool twoPersonRule, AutoApprovePolicy autoApprove)
{
    /// <summary>Refuses an opener's request for automatic approval that the configured policy does not allow.</summary>
    public void CheckOpen(OpenIncidentRequest request)
    {
        if (autoApprove.RefusalOf(request.AutoApprove, "Incidents") is { } refusal)
        {
            throw new IncidentException(IncidentErrorKind.FailedPrecondition, refusal);
        }
    }

    public Approval Request(Incident incident, Plan plan, string requestedBy, DateTimeOffset now)
    {
        var at = Timestamp.FromDateTimeOffset(now);
        var approval = new Approval
        {
            ApprovalId = $"{plan.PlanId}-approval",
            PlanId = plan.PlanId,
            RequestedBy = requestedBy,
            RequestedAt = at,
            Decision = ApprovalDecision.Pending,
            PlanDigest = ByteString.CopyFrom(PlanContent.Digest(plan)),
        };
        if (autoApprove.Applies(incident, plan.Kind))
        {
            approval.Decision = ApprovalDecision.AutoApproved;
            approval.AutoApprovalPolicy = autoApprove.Name;
            approval.DecidedBy = "policy:" + autoApprove.Name;
            approval.DecidedAt = at;
            approval.Reason = incident.AutoApprove ? "the opener asked for automatic approval" : $"severity {incident.Severity} meets the policy";
        }

        plan.ApprovalId = approval.ApprovalId;
        incident.Approvals.Add(approval);
        return approval;
    }

    /// <summary>Returns false when the same decision was already recorded (a repeated request).</summary>
    public bool Decide(Incident incident, string approvalId, string decidedBy, bool approve, string reason, DateTimeOffset now)
    {
        var approval = incident.Approvals.FirstOrDefault(a => a.ApprovalId == approvalId)
            ?? throw new IncidentException(IncidentErrorKind.NotFound, $"Incident {incident.IncidentId} has no approval {approvalId}.");
        var wanted = approve ? ApprovalDecision.Approved : ApprovalDecision.Rejected;
        if (approval.Decision != ApprovalDecision.Pending)
        {
            if (approval.Decision == wanted && approval.DecidedBy == decidedBy)
            {
                return false;
            }

            throw new IncidentException(
                IncidentErrorKind.FailedPrecondition,
                $"Approval {approvalId} was already decided ({approval.Decision}) by {approval.DecidedBy}; a decided plan cannot be decided again.");
        }

        if (string.IsNullOrWhiteSpace(decidedBy))
        {
            throw new IncidentException(IncidentErrorKind.PermissionDenied, "An approval needs an authenticated approver, and this server believed no caller for this call: "
                + "call through the gateway (CREDIR_TOKEN), or with a service token signed with ServiceIdentity:Key; "
                + "a name declared in x-credir-caller (CREDIR_USER) is believed only from loopback in development mode (credir serve --dev).");
        }

        if (approve && twoPersonRule && string.Equals(decidedBy, approval.RequestedBy, StringComparison.Ordinal))
        {
            throw new IncidentException(
                IncidentErrorKind.PermissionDenied,
                $"Two-person rule: {decidedBy} requested approval {approvalId} and cannot also approve it; another approver must.");
        }

        approval.Decision = wanted;
        approval.DecidedBy = decidedBy;
        approval.DecidedAt = Timestamp.FromDateTimeOffset(now);
        approval.Reason = reason;
        return true;
    }

    public static bool IsGranted(Approval approval) =>
        approval.Decision is ApprovalDecision.Approved or ApprovalDecision.AutoApproved;
}

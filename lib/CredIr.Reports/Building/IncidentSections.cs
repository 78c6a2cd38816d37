using CredIr.Contracts.V1;
using CredIr.Reports.Model;

namespace CredIr.Reports.Building;

/// <summary>The sections that are the incident's own records, mapped as they are.</summary>
internal static class IncidentSections
{
    public static ReportIncident Incident(Incident i) => new(
        i.IncidentId,
        i.Title,
        ProtoValues.Name(i.Severity),
        ProtoValues.Name(i.Phase),
        i.Version,
        i.TicketReference,
        ProtoValues.Time(i.OpenedAt),
        i.OpenedBy,
        ProtoValues.Time(i.UpdatedAt),
        ProtoValues.Time(i.ClosedAt),
        i.WaitingFor,
        i.LastError);

    public static IReadOnlyList<ReportApproval> Approvals(Incident i) =>
        i.Approvals.Select(a => new ReportApproval(
            a.ApprovalId,
            a.PlanId,
            i.Plans.FirstOrDefault(p => p.PlanId == a.PlanId) is { } plan ? ProtoValues.Name(plan.Kind) : "",
            ProtoValues.Name(a.Decision),
            a.RequestedBy,
            ProtoValues.Time(a.RequestedAt),
            a.DecidedBy,
            ProtoValues.Time(a.DecidedAt),
            a.AutoApprovalPolicy,
            a.Reason)).ToList();

    public static IReadOnlyList<ReportRecoveryItem> Recovery(Incident i) =>
        i.RecoveryItems.Select(r => new ReportRecoveryItem(
            r.ItemId,
            ProtoValues.Resource(r.Resource),
            ProtoValues.Name(r.Change),
            ProtoValues.Name(r.Strategy),
            r.StrategyOverridden,
            r.Rationale,
            r.BackupReference,
            ProtoValues.Name(r.Status),
            r.EventIds.ToList(),
            r.Steps.Select(s => s.StepId).ToList())).ToList();

    public static IReadOnlyList<ReportStakeholder> Stakeholders(Incident i) =>
        i.Stakeholders.Select(s => new ReportStakeholder(s.Name, ProtoValues.Name(s.Kind), s.Contact, s.Application, s.Reason)).ToList();

    public static IReadOnlyList<ReportCommunication> Communications(Incident i) =>
        i.Communications.Select(c => new ReportCommunication(
            c.ItemId, ProtoValues.Name(c.Kind), c.Description, c.Done, c.DoneBy, ProtoValues.Time(c.DoneAt))).ToList();

    public static IReadOnlyList<ReportNotification> Notifications(Incident i) =>
        i.Notifications.Select(n => new ReportNotification(
            n.NotificationId, n.Target, n.Subject, ProtoValues.Name(n.Status), n.Attempts, n.LastError, ProtoValues.Time(n.DeliveredAt))).ToList();
}

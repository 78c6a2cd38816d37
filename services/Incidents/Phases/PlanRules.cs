using CredIr.Contracts.V1;

namespace CredIr.Incidents.Phases;

/// <summary>How the driver reads plans, steps and credentials in the incident document.</summary>
internal static class PlanRules
{
    public static string CredentialId(Credential credential) =>
        credential.AccessKeyId.Length > 0 ? credential.AccessKeyId : $"{credential.Kind}:{credential.PrincipalArn}";

    public static bool IsTerminal(StepStatus status) => status is StepStatus.Succeeded or StepStatus.AlreadyDone
        or StepStatus.Skipped or StepStatus.RolledBack or StepStatus.Manual or StepStatus.Failed;

    public static Approval? ApprovalOf(Incident incident, Plan plan) =>
        incident.Approvals.FirstOrDefault(a => a.ApprovalId == plan.ApprovalId);

    public static bool IsRejected(Incident incident, Plan plan) =>
        ApprovalOf(incident, plan)?.Decision == ApprovalDecision.Rejected;

    /// <summary>The plan of this kind still to be decided or executed, if any.</summary>
    public static Plan? Open(Incident incident, PlanKind kind) =>
        incident.Plans.LastOrDefault(p => p.Kind == kind && !IsRejected(incident, p) && p.Steps.Any(s => !IsTerminal(s.Status)));

    /// <summary>Credentials no live containment plan was made for (new, or whose plan was rejected).</summary>
    public static List<Credential> Uncovered(Incident incident) =>
    [
        .. incident.Credentials.Where(c => !incident.Plans.Any(p =>
            p.Kind == PlanKind.Containment && !IsRejected(incident, p) && p.CredentialIds.Contains(CredentialId(c)))),
    ];

    public static bool HasLivePlan(Incident incident, PlanKind kind) =>
        incident.Plans.Any(p => p.Kind == kind && !IsRejected(incident, p));
}

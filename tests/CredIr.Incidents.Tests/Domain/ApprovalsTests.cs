using CredIr.Contracts.V1;
using CredIr.Incidents.Domain;
using CredIr.Incidents.Tests.Infrastructure;

namespace CredIr.Incidents.Tests.Domain;

public sealed class ApprovalsTests
{
    private static readonly DateTimeOffset Now = TestIncidents.Start;

    private static (Incident Incident, Approval Approval) Requested(Approvals approvals, Severity severity = Severity.Medium, bool autoApprove = false)
    {
        var incident = TestIncidents.Document("inc-1", Phase.Containing);
        incident.Severity = severity;
        incident.AutoApprove = autoApprove;
        var plan = new Plan { PlanId = "containment-1", Kind = PlanKind.Containment };
        incident.Plans.Add(plan);
        return (incident, approvals.Request(incident, plan, "alice", Now));
    }

    [Fact]
    public void TwoPersonRule_RequesterApprovesOwnPlan_IsDenied()
    {
        var approvals = new Approvals(twoPersonRule: true, new AutoApprovePolicy());
        var (incident, approval) = Requested(approvals);

        var error = Assert.Throws<IncidentException>(() => approvals.Decide(incident, approval.ApprovalId, "alice", approve: true, "looks right", Now));

        Assert.Equal(IncidentErrorKind.PermissionDenied, error.Kind);
        Assert.Contains("Two-person rule", error.Message, StringComparison.Ordinal);
        Assert.Equal(ApprovalDecision.Pending, incident.Approvals[0].Decision);
    }

    [Fact]
    public void TwoPersonRule_AnotherApprover_RecordsWhoAndWhen()
    {
        var approvals = new Approvals(twoPersonRule: true, new AutoApprovePolicy());
        var (incident, approval) = Requested(approvals);

        approvals.Decide(incident, approval.ApprovalId, "bob", approve: true, "blast radius acceptable", Now.AddMinutes(3));

        var decided = incident.Approvals[0];
        Assert.Equal((ApprovalDecision.Approved, "alice", "bob"), (decided.Decision, decided.RequestedBy, decided.DecidedBy));
        Assert.Equal(Now.AddMinutes(3), decided.DecidedAt.ToDateTimeOffset());
    }

    [Fact]
    public void RuleOff_RequesterMayApprove()
    {
        var approvals = new Approvals(twoPersonRule: false, new AutoApprovePolicy());
        var (incident, approval) = Requested(approvals);

        approvals.Decide(incident, approval.ApprovalId, "alice", approve: true, string.Empty, Now);

        Assert.Equal(ApprovalDecision.Approved, incident.Approvals[0].Decision);
    }

    [Fact]
    public void SeverityPolicy_HighSeverity_IsAutoApprovedWithPolicyName()
    {
        var approvals = new Approvals(true, new AutoApprovePolicy { Name = "contain-high", MinSeverity = Severity.High });

        var (_, approval) = Requested(approvals, Severity.Critical);
        var (_, medium) = Requested(approvals, Severity.Medium);

        Assert.Equal((ApprovalDecision.AutoApproved, "contain-high"), (approval.Decision, approval.AutoApprovalPolicy));
        Assert.Equal(ApprovalDecision.Pending, medium.Decision);
    }

    [Fact]
    public void SeverityPolicy_LimitedToContainment_LeavesOtherPlansPending()
    {
        var approvals = new Approvals(true, new AutoApprovePolicy { MinSeverity = Severity.High, PlanKinds = [PlanKind.Containment] });
        var incident = TestIncidents.Document("inc-1", Phase.Eradicating);
        incident.Severity = Severity.Critical;

        var containment = approvals.Request(incident, new Plan { PlanId = "containment-1", Kind = PlanKind.Containment }, "alice", Now);
        var eradication = approvals.Request(incident, new Plan { PlanId = "eradication-1", Kind = PlanKind.Eradication }, "alice", Now);

        Assert.Equal((ApprovalDecision.AutoApproved, ApprovalDecision.Pending), (containment.Decision, eradication.Decision));
    }

    [Fact]
    public void RequestedAutoApproval_PolicyDisallowsIt_StaysPending()
    {
        var approvals = new Approvals(true, new AutoApprovePolicy { AllowOnRequest = false });

        var (_, approval) = Requested(approvals, autoApprove: true);

        Assert.Equal(ApprovalDecision.Pending, approval.Decision);
    }

    [Fact]
    public void RequestedAutoApproval_DefaultPolicy_IsRefusedAtOpenSayingWhichSettingAllowsIt()
    {
        var approvals = new Approvals(true, new AutoApprovePolicy());
        var request = new OpenIncidentRequest { Input = new IdentificationInput { AccessKeyId = "AKIAEXAMPLE000000001" }, AutoApprove = true };

        var error = Assert.Throws<IncidentException>(() => approvals.CheckOpen(request));
        approvals.CheckOpen(new OpenIncidentRequest { Input = request.Input });
        new Approvals(true, new AutoApprovePolicy { AllowOnRequest = true }).CheckOpen(request);

        Assert.Equal(IncidentErrorKind.FailedPrecondition, error.Kind);
        Assert.Contains("Incidents:AutoApprove:AllowOnRequest is false", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DecidedApproval_OppositeDecision_IsRefused()
    {
        var approvals = new Approvals(true, new AutoApprovePolicy());
        var (incident, approval) = Requested(approvals);
        approvals.Decide(incident, approval.ApprovalId, "bob", approve: true, string.Empty, Now);

        var repeated = approvals.Decide(incident, approval.ApprovalId, "bob", approve: true, string.Empty, Now);
        var error = Assert.Throws<IncidentException>(() => approvals.Decide(incident, approval.ApprovalId, "carol", approve: false, string.Empty, Now));

        Assert.False(repeated);
        Assert.Equal(IncidentErrorKind.FailedPrecondition, error.Kind);
    }
}

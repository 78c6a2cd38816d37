using CredIr.Contracts.V1;
using static CredIr.Reports.Tests.Fixtures.SampleEvents;
using static CredIr.Reports.Tests.Fixtures.Times;

namespace CredIr.Reports.Tests.Fixtures;

/// <summary>
/// A recovered incident: a CI key leaked, found by GuardDuty, contained under an auto-approval
/// policy, eradicated with a named approver (one step failed), recovered by restore and recreate.
/// </summary>
internal static class SampleIncident
{
    public const string CompromisedAt = "2026-11-20T08:00:00Z";
    public const string OpenedAt = "2026-11-20T10:30:00Z";
    public const string ContainedAt = "2026-11-20T10:52:30Z";
    public const string EradicatedAt = "2026-11-20T13:15:00Z";
    public const string RecoveredAt = "2026-11-21T09:00:00Z";
    public const string Approver = "alice.nguyen@example.com";
    public const string AutoPolicy = "auto-contain-high-severity";
    public const string FailedStepMessage = "UnauthorizedOperation: the response role may not terminate instances in eu-west-1";

    public static Incident Create()
    {
        var incident = new Incident
        {
            IncidentId = "inc-2026-0042",
            Version = 57,
            Phase = Phase.Recovered,
            Title = "CI deploy key leaked in a public repository",
            Severity = Severity.High,
            TicketReference = "SEC-1234",
            EndUserImpact = "None observed; payroll export file read by the actor.",
            OpenedAt = Ts(OpenedAt),
            OpenedBy = "guardduty-webhook",
            UpdatedAt = Ts(RecoveredAt),
            Input = new IdentificationInput { FindingJson = """{"id":"gd-7f3a","type":"UnauthorizedAccess:IAMUser/InstanceCredentialExfiltration.OutsideAWS","service":{"eventFirstSeen":"2026-11-20T08:00:00Z"}}""" },
            CompromiseWindow = new CompromiseWindow { Start = Ts(CompromisedAt), Basis = CompromiseTimeBasis.Finding, Explanation = "GuardDuty service.eventFirstSeen" },
            ContainedAt = Ts(ContainedAt),
            EradicatedAt = Ts(EradicatedAt),
            RecoveredAt = Ts(RecoveredAt),
            Findings = new FindingsSummary { EventsAttributed = 11, CredentialsDerived = 2, ResourcesCreated = 3, ResourcesModified = 1, ResourcesDeleted = 1, ScanComplete = true },
        };
        incident.Findings.Gaps.Add(new SourceGap { AccountId = MemberAccount, Region = "eu-west-1", Reason = "data events (S3 GetObject) are not in LookupEvents", CategoriesNotSeen = { EventCategory.SensitiveDataAccess } });
        incident.Credentials.Add(new Credential { AccessKeyId = LeakedKey, Kind = CredentialKind.AccessKey, PrincipalArn = UserArn, AccountId = Account, UserName = "ci-deploy", Status = "Inactive", Provenance = new Provenance { Depth = 0 } });
        incident.Credentials.Add(new Credential
        {
            AccessKeyId = DerivedKey, Kind = CredentialKind.AccessKey, PrincipalArn = "arn:aws:iam::111122223333:user/backup-admin", AccountId = Account, UserName = "backup-admin", Status = "Deleted",
            Provenance = new Provenance { DerivedFromAccessKeyId = LeakedKey, CreatedByEventId = "e-05", CreatedByEventName = "CreateAccessKey", CreatedAt = Ts("2026-11-20T08:11:00Z"), Depth = 1, DerivedFromPrincipalArn = UserArn },
        });
        incident.Credentials.Add(new Credential
        {
            AccessKeyId = DerivedSession, Kind = CredentialKind.RoleSession, PrincipalArn = RoleArn, AccountId = MemberAccount, RoleName = "OrganizationAccountAccessRole", SessionName = "x", Status = "Expired",
            Provenance = new Provenance { DerivedFromAccessKeyId = LeakedKey, CreatedByEventId = "e-06", CreatedByEventName = "AssumeRole", CreatedAt = Ts("2026-11-20T08:15:00Z"), Depth = 1, DerivedFromPrincipalArn = UserArn },
        });
        Plans(incident);
        Recovery(incident);
        People(incident);
        Timeline(incident);
        incident.Notes.Add(new Note { Author = Approver, At = Ts("2026-11-21T10:00:00Z"), Text = "Lesson: the CI user had no permission boundary and could create users." });
        incident.Notes.Add(new Note { Author = "bob.martin@example.com", At = Ts("2026-11-20T10:40:00Z"), Text = "War room bridge opened." });
        return incident;
    }

    private static void Plans(Incident incident)
    {
        var contain = new Plan { PlanId = "plan-contain-1", Kind = PlanKind.Containment, ApprovalId = "appr-1", CreatedAt = Ts("2026-11-20T10:45:00Z") };
        contain.Steps.Add(Step("step-c1", "iam:UpdateAccessKey(Inactive)", "AWS::IAM::AccessKey", LeakedKey, StepStatus.Succeeded, "Key set Inactive", "2026-11-20T10:51:00Z"));
        contain.Steps.Add(Step("step-c2", "iam:PutUserPolicy(DenyAll)", "AWS::IAM::User", "ci-deploy", StepStatus.Succeeded, "Explicit deny attached", "2026-11-20T10:52:00Z"));
        contain.Steps.Add(Step("step-c3", "iam:DeleteLoginProfile", "AWS::IAM::User", "ci-deploy", StepStatus.AlreadyDone, "No console password", "2026-11-20T10:52:30Z"));
        var eradicate = new Plan { PlanId = "plan-eradicate-2", Kind = PlanKind.Eradication, ApprovalId = "appr-2", CreatedAt = Ts("2026-11-20T12:30:00Z") };
        eradicate.Steps.Add(Step("step-e1", "iam:UpdateAccessKey(Inactive)", "AWS::IAM::AccessKey", DerivedKey, StepStatus.Succeeded, "Derived key set Inactive", "2026-11-20T12:45:00Z"));
        eradicate.Steps.Add(Step("step-e2", "iam:PutRolePolicy(AWSRevokeOlderSessions)", "AWS::IAM::Role", "OrganizationAccountAccessRole", StepStatus.Succeeded, "Sessions issued before 12:46 revoked", "2026-11-20T12:46:00Z"));
        eradicate.Steps.Add(Step("step-e3", "ec2:TerminateInstances", "AWS::EC2::Instance", "i-0abc123def4567890", StepStatus.Failed, FailedStepMessage, "2026-11-20T12:50:00Z"));
        // The plan's copy still says planned: the journal holds the result.
        eradicate.Steps.Add(Step("step-e4", "iam:DeleteUser", "AWS::IAM::User", "backup-admin", StepStatus.Planned, "", ""));
        incident.Plans.Add(contain);
        incident.Plans.Add(eradicate);

        incident.Approvals.Add(new Approval { ApprovalId = "appr-1", PlanId = "plan-contain-1", RequestedBy = "credir", RequestedAt = Ts("2026-11-20T10:45:00Z"), DecidedAt = Ts("2026-11-20T10:50:00Z"), Decision = ApprovalDecision.AutoApproved, AutoApprovalPolicy = AutoPolicy, Reason = "severity high" });
        incident.Approvals.Add(new Approval { ApprovalId = "appr-0", PlanId = "plan-eradicate-1", RequestedBy = "bob.martin@example.com", DecidedBy = Approver, RequestedAt = Ts("2026-11-20T11:30:00Z"), DecidedAt = Ts("2026-11-20T11:40:00Z"), Decision = ApprovalDecision.Rejected, Reason = "too broad: would terminate the payroll Auto Scaling group" });
        incident.Approvals.Add(new Approval { ApprovalId = "appr-2", PlanId = "plan-eradicate-2", RequestedBy = "bob.martin@example.com", DecidedBy = Approver, RequestedAt = Ts("2026-11-20T12:30:00Z"), DecidedAt = Ts("2026-11-20T12:40:00Z"), Decision = ApprovalDecision.Approved, Reason = "scoped to the actor's resources" });

        long seq = 0;
        void Journal(string step, string plan, string action, StepStatus status, string message, string at, string approvedBy) =>
            incident.Journal.Add(new JournalEntry { Sequence = ++seq, StepId = step, PlanId = plan, Action = action, Status = status, Message = message, At = Ts(at), ApprovedBy = approvedBy });
        var auto = $"auto:{AutoPolicy}";
        Journal("step-c1", "plan-contain-1", "iam:UpdateAccessKey(Inactive)", StepStatus.Started, "intent", "2026-11-20T10:50:59Z", auto);
        Journal("step-c1", "plan-contain-1", "iam:UpdateAccessKey(Inactive)", StepStatus.Succeeded, "Key set Inactive", "2026-11-20T10:51:00Z", auto);
        Journal("step-c2", "plan-contain-1", "iam:PutUserPolicy(DenyAll)", StepStatus.Succeeded, "Explicit deny attached", "2026-11-20T10:52:00Z", auto);
        Journal("step-c3", "plan-contain-1", "iam:DeleteLoginProfile", StepStatus.AlreadyDone, "No console password", "2026-11-20T10:52:30Z", auto);
        Journal("step-e1", "plan-eradicate-2", "iam:UpdateAccessKey(Inactive)", StepStatus.Succeeded, "Derived key set Inactive", "2026-11-20T12:45:00Z", Approver);
        Journal("step-e2", "plan-eradicate-2", "iam:PutRolePolicy(AWSRevokeOlderSessions)", StepStatus.Succeeded, "Sessions issued before 12:46 revoked", "2026-11-20T12:46:00Z", Approver);
        Journal("step-e3", "plan-eradicate-2", "ec2:TerminateInstances", StepStatus.Failed, FailedStepMessage, "2026-11-20T12:50:00Z", Approver);
        Journal("step-e4", "plan-eradicate-2", "iam:DeleteUser", StepStatus.Succeeded, "User backup-admin deleted", "2026-11-20T12:55:00Z", Approver);
        Journal("step-r1", "", "s3:PutBucketPolicy(restore)", StepStatus.Succeeded, "Policy restored from CMDB", "2026-11-21T08:30:00Z", Approver);
    }

    private static void Recovery(Incident incident)
    {
        var policy = new RecoveryItem
        {
            ItemId = "rec-1", Resource = new ResourceRef { Arn = "arn:aws:s3:::payroll-exports", Type = "AWS::S3::Bucket", Id = "payroll-exports", Tags = { ["application"] = "payroll" } },
            Change = ResourceChange.Modified, Strategy = RecoveryStrategy.RestoreFromBackup, Rationale = "bucket policy recorded in the CMDB", BackupReference = "cmdb:payroll-exports/policy@v12", Status = StepStatus.Succeeded, EventIds = { "e-08" },
        };
        policy.Steps.Add(Step("step-r1", "s3:PutBucketPolicy(restore)", "AWS::S3::Bucket", "payroll-exports", StepStatus.Succeeded, "Policy restored from CMDB", "2026-11-21T08:30:00Z"));
        var bucket = new RecoveryItem
        {
            ItemId = "rec-2", Resource = new ResourceRef { Arn = "arn:aws:s3:::payroll-archive", Type = "AWS::S3::Bucket", Id = "payroll-archive", Tags = { ["application"] = "payroll" } },
            Change = ResourceChange.Deleted, Strategy = RecoveryStrategy.RecreateFromCmdb, Rationale = "no backup; CMDB has the configuration", Status = StepStatus.Manual, EventIds = { "e-10" },
        };
        bucket.Steps.Add(Step("step-r2", "manual:recreate-bucket", "AWS::S3::Bucket", "payroll-archive", StepStatus.Manual, "Recreate the bucket with versioning and the CMDB's policy", ""));
        incident.RecoveryItems.Add(policy);
        incident.RecoveryItems.Add(bucket);
    }

    private static void People(Incident incident)
    {
        incident.Stakeholders.Add(new Stakeholder { Name = "Dana Ortiz", Kind = StakeholderKind.ApplicationOwner, Contact = "dana.ortiz@example.com", Application = "payroll", Reason = "owner of the payroll application (CMDB)" });
        incident.Stakeholders.Add(new Stakeholder { Name = "Legal counsel", Kind = StakeholderKind.Legal, Contact = "legal@example.com", Reason = "personal data may have been read" });
        incident.Stakeholders.Add(new Stakeholder { Name = "Corporate communications", Kind = StakeholderKind.Communications, Contact = "comms@example.com", Reason = "external statements" });
        incident.Communications.Add(new CommunicationItem { ItemId = "comm-1", Kind = CommunicationKind.WarRoom, Description = "Open a conference bridge war room", Done = true, DoneBy = "bob.martin@example.com", DoneAt = Ts("2026-11-20T10:40:00Z") });
        incident.Communications.Add(new CommunicationItem { ItemId = "comm-2", Kind = CommunicationKind.Legal, Description = "Inform legal counsel", Done = true, DoneBy = Approver, DoneAt = Ts("2026-11-20T11:00:00Z") });
        incident.Communications.Add(new CommunicationItem { ItemId = "comm-3", Kind = CommunicationKind.Regulatory, Description = "Decide on regulator notification", Done = false });
        incident.Notifications.Add(new Notification { NotificationId = "n-1", Target = "dana.ortiz@example.com", Subject = "Payroll resources touched by a leaked key", Status = NotificationStatus.Delivered, Attempts = 1, DeliveredAt = Ts("2026-11-20T10:41:00Z") });
        incident.Notifications.Add(new Notification { NotificationId = "n-2", Target = "https://hooks.example.com/pager", Subject = "Incident inc-2026-0042", Status = NotificationStatus.GaveUp, Attempts = 5, LastError = "HTTP 503" });
        incident.Plans[0].BlastRadius = new BlastRadius { AffectedApplications = { "ci-pipeline" } };
    }

    private static void Timeline(Incident incident)
    {
        void Add(string at, string actor, string what, Phase phase) =>
            incident.Timeline.Add(new TimelineEntry { At = Ts(at), Actor = actor, What = what, Phase = phase });
        Add(OpenedAt, "system", "Incident opened from a GuardDuty finding", Phase.Opened);
        Add("2026-11-20T10:34:00Z", "system", "Credentials and compromise time identified", Phase.Identified);
        Add("2026-11-20T10:50:00Z", "system", "Containment plan auto-approved", Phase.Containing);
        Add(ContainedAt, "system", "Contained", Phase.Contained);
        Add("2026-11-20T12:40:00Z", "responder", "Eradication plan approved by " + Approver, Phase.Eradicating);
        Add(EradicatedAt, "system", "Eradicated", Phase.Eradicated);
        Add(RecoveredAt, "system", "Recovered", Phase.Recovered);
    }

    private static PlanStep Step(string id, string action, string type, string target, StepStatus status, string result, string at)
    {
        var step = new PlanStep { StepId = id, Action = action, Target = new ResourceRef { Type = type, Id = target }, Description = $"{action} on {target}", Status = status, ResultMessage = result, Reversible = action.StartsWith("iam:Update", StringComparison.Ordinal) };
        if (at.Length > 0)
        {
            step.ExecutedAt = Ts(at);
        }

        return step;
    }
}

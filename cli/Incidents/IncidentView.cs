using CredIr.Contracts;
using CredIr.Cli.Output;
using CredIr.Contracts.V1;
using Google.Protobuf.WellKnownTypes;
using Spectre.Console;

namespace CredIr.Cli.Incidents;

/// <summary>An incident for people: its state, what it waits for, credentials, plans with their approvals, findings.</summary>
internal static class IncidentView
{
    public static void Write(IAnsiConsole console, Incident incident)
    {
        console.MarkupLine($"[bold]{Markup.Escape(incident.IncidentId)}[/]  phase [bold]{EnumText.Of(incident.Phase)}[/]  severity {EnumText.Of(incident.Severity)}  version {incident.Version}");
        Line(console, "title", incident.Title);
        Line(console, "opened", $"{Time(incident.OpenedAt)} by {incident.OpenedBy}");
        Line(console, "ticket", incident.TicketReference);
        Line(console, "compromised since", incident.CompromiseWindow is { Start: { } start } window ? $"{Time(start)} ({EnumText.Of(window.Basis)})" : string.Empty);
        Line(console, "waiting for", incident.WaitingFor);
        Line(console, "last error", incident.LastError);
        if (incident.Credentials.Count > 0)
        {
            console.Write(Credentials(incident));
        }

        if (incident.Plans.Count > 0)
        {
            console.Write(Plans(incident));
        }

        if (incident.Findings is { } findings)
        {
            var categories = string.Join(", ", findings.EventsByCategory.OrderByDescending(static c => c.Value).Select(static c => $"{c.Key} {c.Value}"));
            Line(console, "findings", $"{findings.EventsAttributed} events{(categories.Length > 0 ? $" ({categories})" : string.Empty)}, {findings.CredentialsDerived} derived credentials, scan {(findings.ScanComplete ? "complete" : "not complete")}");
            foreach (var gap in findings.Gaps)
            {
                Line(console, "source gap", $"{Place(gap.AccountId, gap.Region)}{gap.Reason}");
            }
        }

        foreach (var item in incident.RecoveryItems)
        {
            Line(console, "recovery", $"{item.Resource?.Type} {item.Resource?.Id}: {EnumText.Of(item.Strategy)}, {EnumText.Of(item.Status)}");
        }
    }

    // A time stored out of range (before the servers refused such times) is shown as invalid, not a crash.
    public static string Time(Timestamp? at) => at is null ? "-" : ValidTimes.IsValid(at) ? IsoTime.Format(at.ToDateTimeOffset()) : ValidTimes.DescribeInvalid(at);

    public static Approval? Pending(Incident incident) =>
        incident.Approvals.FirstOrDefault(static a => a.Decision == ApprovalDecision.Pending);

    /// <summary>"approved by alice", "automatic (policy auto-approve)", "pending".</summary>
    public static string Decision(Approval approval) => approval.Decision switch
    {
        ApprovalDecision.AutoApproved => $"automatic (policy {approval.AutoApprovalPolicy})",
        ApprovalDecision.Approved => $"approved by {approval.DecidedBy}",
        ApprovalDecision.Rejected => $"rejected by {approval.DecidedBy}",
        _ => "pending",
    };

    private static Table Credentials(Incident incident)
    {
        var table = new Table().Title("credentials").AddColumns("credential", "kind", "account", "principal", "derived from", "status");
        foreach (var c in incident.Credentials)
        {
            var derived = c.Provenance?.DerivedFromAccessKeyId;
            table.AddRow(
                Markup.Escape(Or(c.AccessKeyId)),
                EnumText.Of(c.Kind),
                Markup.Escape(Or(c.AccountId)),
                Markup.Escape(Or(c.PrincipalArn)),
                Markup.Escape(Or(derived)),
                Markup.Escape(Or(c.Status)));
        }

        return table;
    }

    private static Table Plans(Incident incident)
    {
        var table = new Table().Title("plans").AddColumns("plan", "kind", "steps", "done", "approval", "decision");
        foreach (var plan in incident.Plans)
        {
            var approval = incident.Approvals.FirstOrDefault(a => a.ApprovalId == plan.ApprovalId);
            var done = plan.Steps.Count(static s => s.Status is StepStatus.Succeeded or StepStatus.AlreadyDone);
            table.AddRow(
                Markup.Escape(plan.PlanId),
                EnumText.Of(plan.Kind),
                plan.Steps.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                done.ToString(System.Globalization.CultureInfo.InvariantCulture),
                Markup.Escape(Or(plan.ApprovalId)),
                Markup.Escape(approval is null ? "-" : Decision(approval)));
        }

        return table;
    }

    private static void Line(IAnsiConsole console, string label, string value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            console.MarkupLine($"{label}: {Markup.Escape(value)}");
        }
    }

    private static string Place(string account, string region) =>
        account.Length == 0 && region.Length == 0 ? string.Empty : $"{account}/{region}: ";

    public static string Or(string? value) => string.IsNullOrEmpty(value) ? "-" : value;
}

using CredIr.Cli.Incidents;
using CredIr.Cli.Output;
using CredIr.Cli.Scan;
using CredIr.Contracts.V1;
using Spectre.Console;

namespace CredIr.Cli.Playbook;

/// <summary>
/// The live progress of a playbook run (the demo, <c>respond</c>): one whole line per change, time
/// first, never wrapped, so a pipe or a log collector gets one event per line; colour only on a
/// terminal. Approvals are printed once each when decided, automatic ones as such.
/// </summary>
internal sealed class ProgressPrinter(Terminal terminal, TextWriter writer, TimeProvider time)
{
    private readonly IAnsiConsole _console = ScanPrinter.ConsoleFor(terminal, writer);
    private readonly HashSet<string> _decided = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public void Line(string text)
    {
        lock (_gate)
        {
            var at = time.GetUtcNow().ToString("HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture);
            if (terminal.UseColor)
            {
                _console.MarkupLine($"[grey]{at}[/] {Markup.Escape(text)}");
            }
            else
            {
                writer.WriteLine($"{at} {text}");
            }
        }
    }

    /// <summary>A change from the incident's watch stream.</summary>
    public void Change(IncidentChange change)
    {
        Line(change.Description == "current state"
            ? $"incident {change.Incident.IncidentId}: phase {EnumText.Of(change.Incident.Phase)}"
            : change.Description);
        Approvals(change.Incident);
    }

    public void Approvals(Incident incident)
    {
        foreach (var approval in incident.Approvals.Where(static a => a.Decision != ApprovalDecision.Pending))
        {
            bool first;
            lock (_gate)
            {
                first = _decided.Add(approval.ApprovalId);
            }

            if (first)
            {
                Line($"approval {approval.ApprovalId} ({approval.PlanId}): {IncidentView.Decision(approval)}");
            }
        }
    }

    public void Summary(Incident incident, TimeSpan elapsed)
    {
        var findings = incident.Findings;
        var table = new Table()
            .Title($"incident {Markup.Escape(incident.IncidentId)}: {EnumText.Of(incident.Phase)} after {elapsed.TotalSeconds:0.0} s")
            .AddColumns("credential", "kind", "account", "derived from", "what was done");
        foreach (var c in incident.Credentials)
        {
            table.AddRow(
                Markup.Escape(IncidentView.Or(c.AccessKeyId.Length > 0 ? c.AccessKeyId : c.PrincipalArn)),
                ScanNames.Kind(c.Kind),
                Markup.Escape(IncidentView.Or(c.AccountId)),
                Markup.Escape(IncidentView.Or(c.Provenance?.DerivedFromAccessKeyId)),
                Markup.Escape(Done(incident, c)));
        }

        lock (_gate)
        {
            _console.Write(table);
        }

        foreach (var step in incident.Plans.SelectMany(static p => p.Steps).Where(static s => s.RefusedReason.Length > 0))
        {
            Line($"refused by a guard rail: {step.Action} on {step.Target?.Arn}: {step.RefusedReason}");
        }

        Line($"{findings?.EventsAttributed ?? 0} events by the actor, {findings?.CredentialsDerived ?? 0} derived credentials, {incident.Plans.Count} plans, {incident.Journal.Count} actions, {incident.RecoveryItems.Count} recovery items");
    }

    /// <summary>The steps that acted on the credential: on its key, or on the user or role it stands for.</summary>
    private static string Done(Incident incident, Credential credential)
    {
        var steps = incident.Plans.SelectMany(static p => p.Steps).Where(s => ActsOn(s, credential)).ToList();
        return steps.Count == 0
            ? "-"
            : string.Join(", ", steps.Select(static s => $"{(s.Action.StartsWith("iam:", StringComparison.Ordinal) ? s.Action[4..] : s.Action)} {EnumText.Of(s.Status)}"));
    }

    private static bool ActsOn(PlanStep step, Credential credential) => credential.Provider == CloudProvider.HuaweiCloud
        ? (credential.AccessKeyId.Length > 0 && step.AccessKeyId == credential.AccessKeyId)
            || (credential.PrincipalArn.Length > 0 && step.Target?.Arn == credential.PrincipalArn)
        : credential.Kind switch
        {
            CredentialKind.AccessKey => step.AccessKeyId == credential.AccessKeyId,
            CredentialKind.RoleSession or CredentialKind.Role => Targets(step, "AWS::IAM::Role", credential.RoleName, credential.AccountId),
            CredentialKind.IamUser or CredentialKind.LoginProfile => step.AccessKeyId.Length == 0 && Targets(step, "AWS::IAM::User", credential.UserName, credential.AccountId),
            _ => false,
        };

    private static bool Targets(PlanStep step, string type, string name, string account) =>
        name.Length > 0 && step.Target is { } t && t.Type == type && t.Id == name && t.AccountId == account;
}

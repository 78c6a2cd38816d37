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
            .AddColumns("credential", "kind", "account", "derived from", "containment");
        // A credential's containment is the outcome of the last step acting on its key.
        var perKey = incident.Plans.SelectMany(static p => p.Steps).Where(static s => s.AccessKeyId.Length > 0).GroupBy(static s => s.AccessKeyId).ToDictionary(static g => g.Key, static g => g.Last().Status);
        foreach (var c in incident.Credentials)
        {
            table.AddRow(
                Markup.Escape(IncidentView.Or(c.AccessKeyId.Length > 0 ? c.AccessKeyId : c.PrincipalArn)),
                ScanNames.Kind(c.Kind),
                Markup.Escape(IncidentView.Or(c.AccountId)),
                Markup.Escape(IncidentView.Or(c.Provenance?.DerivedFromAccessKeyId)),
                perKey.TryGetValue(c.AccessKeyId, out var step) ? EnumText.Of(step) : "-");
        }

        lock (_gate)
        {
            _console.Write(table);
        }

        Line($"{findings?.EventsAttributed ?? 0} events by the actor, {findings?.CredentialsDerived ?? 0} derived credentials, {incident.Plans.Count} plans, {incident.Journal.Count} actions, {incident.RecoveryItems.Count} recovery items");
    }
}

using CredIr.Cli.Output;
using CredIr.Cli.Scan;
using CredIr.Contracts.V1;
using Spectre.Console;

namespace CredIr.Cli.Demo;

/// <summary>What the demo shows as it goes: plain lines (a pipe gets no colour and no cursor tricks), then a summary table.</summary>
internal sealed class DemoProgress(Terminal terminal)
{
    private readonly IAnsiConsole _console = ScanPrinter.ConsoleFor(terminal);

    // Whole lines, never wrapped at the console's width, so a pipe or a log collector gets one event per line.
    public void Line(string text)
    {
        if (terminal.UseColor)
        {
            _console.MarkupLine($"[grey]{DateTimeOffset.UtcNow:HH:mm:ss}[/] {Markup.Escape(text)}");
        }
        else
        {
            Console.Out.WriteLine($"{DateTimeOffset.UtcNow:HH:mm:ss} {text}");
        }
    }

    public void Phase(Incident incident)
    {
        var findings = incident.Findings;
        Line($"phase {incident.Phase}: {incident.Credentials.Count} credentials, {findings?.EventsAttributed ?? 0} events, {findings?.CredentialsDerived ?? 0} derived credentials"
            + (string.IsNullOrEmpty(incident.WaitingFor) ? string.Empty : $"; waiting for {incident.WaitingFor}"));
        foreach (var approval in incident.Approvals)
        {
            Line($"  approval {approval.ApprovalId}: {approval.Decision} by {approval.DecidedBy}{(string.IsNullOrEmpty(approval.AutoApprovalPolicy) ? string.Empty : $" (automatic, policy {approval.AutoApprovalPolicy})")}");
        }
    }

    public void Summary(Incident incident, TimeSpan elapsed)
    {
        var table = new Table().Title($"incident {Markup.Escape(incident.IncidentId)} ({elapsed.TotalSeconds:0.0} s)").AddColumns("credential", "kind", "account", "derived from", "status");
        foreach (var c in incident.Credentials)
        {
            table.AddRow(Markup.Escape(c.AccessKeyId), ScanNames.Kind(c.Kind), c.AccountId, Markup.Escape(c.Provenance?.DerivedFromAccessKeyId ?? "-"), Markup.Escape(c.Status));
        }

        _console.Write(table);
        Line($"phase {incident.Phase}");
    }
}

using System.Globalization;
using CredIr.Reports.Model;

namespace CredIr.Reports.Rendering.Markdown;

/// <summary>The report for people, as Markdown (tickets, wikis, mail).</summary>
internal static class MarkdownReportRenderer
{
    public static string Render(IncidentReport report)
    {
        var md = new MarkdownWriter();
        var i = report.Incident;
        md.Heading(1, $"Post-incident report: {(i.Title.Length > 0 ? i.Title : i.IncidentId)}");
        md.Line($"Incident {MarkdownText.Escape(i.IncidentId)} · severity {MarkdownText.Escape(i.Severity)} · phase {MarkdownText.Escape(i.Phase)} · ticket {MarkdownText.Escape(MarkdownText.OrDash(i.TicketReference))} · generated {MarkdownText.Time(report.GeneratedAt)} · schema {report.SchemaVersion}");
        Summary(md, report);
        Durations(md, report);
        Timeline(md, report.Timeline);
        md.Heading(2, "Indicators of compromise");
        md.Table(["type", "value", "first seen", "last seen", "count"], report.Indicators.Select(x => Row(
            x.Type, x.Value, MarkdownText.Time(x.FirstSeen), MarkdownText.Time(x.LastSeen), Num(x.Count))));
        Credentials(md, report);
        MarkdownActionSections.Write(md, report);
        return md.ToString();
    }

    internal static IReadOnlyList<string> Row(params string[] cells) => cells;

    internal static string Num(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static void Summary(MarkdownWriter md, IncidentReport report)
    {
        var s = report.Summary;
        md.Heading(2, "Summary");
        md.Field("Verdict", s.VerdictText);
        md.Field("What leaked", string.Join("; ", s.WhatLeaked));
        md.Field("Compromised at", $"{MarkdownText.Time(s.CompromisedAt)} (basis: {s.CompromiseBasis}) {s.CompromiseExplanation}");
        md.Field("Detected", $"{MarkdownText.Time(s.DetectedAt)}: {s.Detection.Description}");
        md.Field("Current phase", s.Phase);
        md.Field("End-user impact", s.EndUserImpact);
        md.Field("Actor's calls", $"{s.ActorEventCount} ({s.ActorFailedEventCount} refused), {s.DerivedCredentialCount} derived credential(s)");
        md.Field("Accounts", string.Join(", ", s.Accounts));
        md.Field("Regions", string.Join(", ", s.Regions));
        md.Field("Resources", $"{s.ResourcesCreated} created, {s.ResourcesModified} modified, {s.ResourcesDeleted} deleted; scan {(s.ScanComplete ? "complete" : "not complete")}");
        md.Field("Containment level", s.EscalationReason.Length > 0 ? $"{s.ContainmentLevel} ({s.EscalationReason})" : s.ContainmentLevel);
        foreach (var g in s.Gaps)
        {
            md.Field("Trail gap", $"{g.Where}: {g.Reason}{(g.CategoriesNotSeen.Count > 0 ? $" (not seen: {string.Join(", ", g.CategoriesNotSeen)})" : "")}");
        }
    }

    private static void Durations(MarkdownWriter md, IncidentReport report)
    {
        md.Heading(2, "Time to respond");
        var d = report.Durations;
        md.Table(["milestone", "reached at", "from compromise", "from detection"], new[]
        {
            ("contain", d.TimeToContain), ("eradicate", d.TimeToEradicate), ("recover", d.TimeToRecover),
        }.Select(x => Row(
            x.Item1,
            x.Item2 is null ? "not yet" : MarkdownText.Time(x.Item2.ReachedAt),
            Span(x.Item2?.FromCompromiseSeconds),
            Span(x.Item2?.FromDetectionSeconds))));
    }

    internal static string Span(long? seconds) => seconds is { } s ? DurationText.Format(s) : "-";

    private static void Timeline(MarkdownWriter md, ReportTimeline t)
    {
        md.Heading(2, "Timeline");
        md.Heading(3, "Milestones");
        md.Table(["milestone", "at", "what"], t.Milestones.Select(m => Row(m.Name, MarkdownText.Time(m.At), m.Description)));
        md.Heading(3, "The actor's actions by category");
        md.Table(["category", "calls", "first", "last"], t.Lanes.Select(l => Row(
            l.Category, Num(l.Count), MarkdownText.Time(l.FirstAt), MarkdownText.Time(l.LastAt))));
        md.Heading(3, "The actor's actions");
        md.Table(
            ["time", "event", "event id", "categories", "access key", "source IP", "user agent", "account", "region", "resources", "result"],
            t.ActorActions.Select(a => Row(
                MarkdownText.Time(a.At),
                a.EventName,
                a.EventId,
                string.Join(", ", a.Categories),
                a.AccessKeyId,
                a.SourceIpAddress,
                a.UserAgent,
                a.AccountId,
                a.Region,
                string.Join(", ", a.Resources.Select(r => r.Arn.Length > 0 ? r.Arn : r.Id)),
                a.ErrorCode.Length > 0 ? $"refused: {a.ErrorCode}" : "ok")));
        md.Heading(3, "The response");
        md.Table(["time", "by", "what", "phase"], t.Entries.Select(e => Row(MarkdownText.Time(e.At), e.Actor, e.What, e.Phase)));
    }

    private static void Credentials(MarkdownWriter md, IncidentReport report)
    {
        md.Heading(2, "Derived credentials");
        if (report.Credentials.Count == 0)
        {
            md.Paragraph("None recorded.");
            return;
        }

        var children = report.Credentials.Where(c => c.DerivedFrom is not null).ToLookup(c => c.DerivedFrom!, StringComparer.Ordinal);
        var ids = report.Credentials.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var roots = report.Credentials.Where(c => c.DerivedFrom is null || !ids.Contains(c.DerivedFrom));
        var visited = new HashSet<string>(StringComparer.Ordinal);
        foreach (var root in roots)
        {
            Tree(md, root, children, 0, visited);
        }

        md.Blank();
    }

    private static void Tree(MarkdownWriter md, ReportCredential c, ILookup<string, ReportCredential> children, int depth, HashSet<string> visited)
    {
        if (!visited.Add(c.Id))
        {
            return;
        }

        var via = c.DerivedFrom is null ? "" : $"→ via {c.CreatedByEventName} ({c.CreatedByEventId}) at {MarkdownText.Time(c.CreatedAt)}: ";
        var who = c.PrincipalArn.Length > 0 && c.PrincipalArn != c.Id ? $" of {c.PrincipalArn}" : "";
        md.Bullet($"{via}{c.Id} ({c.Kind}{who}, status {MarkdownText.OrDash(c.Status)})", depth);
        foreach (var child in children[c.Id])
        {
            Tree(md, child, children, depth + 1, visited);
        }
    }
}

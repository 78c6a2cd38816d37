using CredIr.Reports.Model;
using static CredIr.Reports.Rendering.Markdown.MarkdownReportRenderer;

namespace CredIr.Reports.Rendering.Markdown;

/// <summary>The second half of the Markdown report: what we did, who was told, evidence, lessons.</summary>
internal static class MarkdownActionSections
{
    public static void Write(MarkdownWriter md, IncidentReport report)
    {
        md.Heading(2, "Response actions");
        md.Table(
            ["plan", "step", "action", "target", "status", "result", "approved by", "at"],
            report.Actions.Select(a => Row(
                $"{a.PlanKind} {a.PlanId}".Trim(),
                a.StepId,
                a.Action,
                a.Target is null ? "" : a.Target.Arn.Length > 0 ? a.Target.Arn : a.Target.Id,
                a.Status,
                a.RefusedReason.Length > 0 ? $"{a.Result} (refused: {a.RefusedReason})" : a.Result,
                MarkdownText.OrDash(a.ApprovedBy),
                MarkdownText.Time(a.ExecutedAt))));
        md.Heading(3, "Approvals");
        md.Table(
            ["approval", "plan", "decision", "requested by", "decided by", "decided at", "policy", "reason"],
            report.Approvals.Select(a => Row(
                a.ApprovalId, $"{a.PlanKind} {a.PlanId}".Trim(), a.Decision, a.RequestedBy, a.DecidedBy,
                MarkdownText.Time(a.DecidedAt), a.AutoApprovalPolicy, a.Reason)));
        md.Heading(2, "Recovery");
        md.Table(
            ["item", "resource", "change", "strategy", "status", "rationale", "backup"],
            report.Recovery.Select(r => Row(
                r.ItemId, r.Resource is null ? "" : r.Resource.Arn.Length > 0 ? r.Resource.Arn : r.Resource.Id,
                r.Change, r.Strategy + (r.StrategyOverridden ? " (overridden)" : ""), r.Status, r.Rationale, r.BackupReference)));
        md.Heading(2, "Affected applications and owners");
        md.Table(["application", "owners", "resources"], report.AffectedApplications.Select(a => Row(
            a.Name, string.Join(", ", a.Owners), string.Join(", ", a.Resources))));
        md.Heading(3, "Stakeholders");
        md.Table(["name", "role", "contact", "application", "why"], report.Stakeholders.Select(s => Row(
            s.Name, s.Kind, s.Contact, s.Application, s.Reason)));
        md.Heading(3, "Communications");
        md.Table(["item", "kind", "what", "done", "by", "at"], report.Communications.Select(c => Row(
            c.ItemId, c.Kind, c.Description, c.Done ? "yes" : "no", c.DoneBy, MarkdownText.Time(c.DoneAt))));
        md.Heading(3, "Notifications");
        md.Table(["to", "subject", "status", "attempts", "delivered", "last error"], report.Notifications.Select(n => Row(
            n.Target, n.Subject, n.Status, Num(n.Attempts), MarkdownText.Time(n.DeliveredAt), n.LastError)));
        Evidence(md, report.Evidence);
        Lessons(md, report.LessonsLearned);
        md.Heading(2, "CMDB updates to make");
        md.Table(["target", "application", "change", "why"], report.CmdbUpdates.Select(c => Row(c.Target, c.Application, c.Change, c.Reason)));
        md.Heading(2, "Notes");
        md.Table(["at", "author", "note"], report.Notes.Select(n => Row(MarkdownText.Time(n.At), n.Author, n.Text)));
    }

    private static void Evidence(MarkdownWriter md, ReportEvidence evidence)
    {
        md.Heading(2, "Evidence");
        var v = evidence.Verification;
        md.Field("Chain", v is null
            ? "not verified"
            : v.Intact
                ? $"intact: {v.Entries} entries, head {v.HeadHash}"
                : $"BROKEN at entry {v.FirstBadSequence}: {v.Message}");
        md.Blank();
        md.Table(["#", "at", "kind", "summary", "hash", "previous hash"], evidence.Entries.Select(e => Row(
            Num(e.Sequence), MarkdownText.Time(e.At), e.Kind, e.Summary, e.Hash, e.PreviousHash)));
    }

    private static void Lessons(MarkdownWriter md, ReportLessons lessons)
    {
        md.Heading(2, "Lessons learned");
        foreach (var p in lessons.Prompts)
        {
            md.Heading(3, p.Question);
            foreach (var o in p.Observations)
            {
                md.Bullet(o);
            }

            md.Blank();
            md.Line(p.Answer.Length > 0 ? MarkdownText.Escape(p.Answer) : "_Answer:_ (to fill in)");
            md.Blank();
        }

        md.Heading(3, "Lessons recorded");
        md.Table(["at", "by", "lesson"], lessons.Recorded.Select(n => Row(MarkdownText.Time(n.At), n.Author, n.Text)));
    }
}

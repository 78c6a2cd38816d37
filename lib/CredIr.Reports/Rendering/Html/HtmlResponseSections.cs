using System.Text.Json;
using CredIr.Reports.Model;
using static CredIr.Reports.Rendering.Html.HtmlParts;
using static CredIr.Reports.Rendering.Html.HtmlReportRenderer;

namespace CredIr.Reports.Rendering.Html;

/// <summary>What we did and what follows: actions, recovery, people, evidence, lessons, CMDB, notes.</summary>
internal static class HtmlResponseSections
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static void Write(HtmlWriter html, IncidentReport report)
    {
        Actions(html, report);
        html.Section("recovery", "Recovery");
        html.Table(
            ["item", "resource", "change", "strategy", "status", "rationale", "backup", "events"],
            report.Recovery.Select(r => Row(
                Code(r.ItemId), Resource(r.Resource), r.Change,
                Join(r.Strategy, Small(r.StrategyOverridden ? "overridden by a responder" : "")),
                Pill(r.Status), r.Rationale, Code(r.BackupReference), Lines(r.EventIds.Select(Code)))));
        html.EndSection();
        People(html, report);
        Evidence(html, report.Evidence);
        Lessons(html, report.LessonsLearned);
        html.Section("cmdb", "CMDB updates to make");
        html.Table(["", "target", "application", "change", "why"], report.CmdbUpdates.Select(c => Row(
            "☐", Code(c.Target), c.Application, c.Change, c.Reason)));
        html.EndSection();
        html.Section("notes", "Notes");
        html.Table(["at", "author", "note"], report.Notes.Select(n => Row(Time(n.At), n.Author, n.Text)));
        html.EndSection();
        RawRecords(html, report.Timeline.ActorActions);
    }

    private static void Actions(HtmlWriter html, IncidentReport report)
    {
        html.Section("response", $"Response actions ({report.Actions.Count})");
        html.Table(
            ["plan", "step", "action", "target", "status", "result", "approved by", "at"],
            report.Actions.Select(a => Row(
                Join(a.PlanKind, Html.Raw("<br />"), Code(a.PlanId)),
                Code(a.StepId),
                Join(Code(a.Action), Small(a.Description)),
                Resource(a.Target),
                Pill(a.Status),
                Join(a.Result, Small(a.RefusedReason.Length > 0 ? $"refused: {a.RefusedReason}" : "")),
                a.ApprovalDecision == "auto-approved" ? Join(Pill("auto-approved"), Small($"policy {a.AutoApprovalPolicy}")) : a.ApprovedBy.Length > 0 ? a.ApprovedBy : "-",
                Time(a.ExecutedAt))));
        html.Element("h3", "Approvals");
        html.Table(
            ["approval", "plan", "decision", "requested by", "decided by", "decided at", "reason"],
            report.Approvals.Select(a => Row(
                Code(a.ApprovalId), Join(a.PlanKind, Html.Raw("<br />"), Code(a.PlanId)),
                Join(Pill(a.Decision), Small(a.AutoApprovalPolicy.Length > 0 ? $"policy {a.AutoApprovalPolicy}" : "")),
                Join(a.RequestedBy, Html.Raw("<br />"), Time(a.RequestedAt)), a.DecidedBy, Time(a.DecidedAt), a.Reason)));
        html.EndSection();
    }

    private static void People(HtmlWriter html, IncidentReport report)
    {
        html.Section("people", "Affected applications and people");
        html.Table(["application", "owners", "resources"], report.AffectedApplications.Select(a => Row(
            Html.Raw($"<b>{HtmlText.Encode(a.Name)}</b>"), Lines(a.Owners.Select(o => (Html)o)), Lines(a.Resources.Select(Code)))));
        html.Element("h3", "Stakeholders");
        html.Table(["name", "role", "contact", "application", "why"], report.Stakeholders.Select(s => Row(
            s.Name, s.Kind, s.Contact, s.Application, s.Reason)));
        html.Element("h3", "Communications");
        html.Table(["item", "kind", "what", "done", "by", "at"], report.Communications.Select(c => Row(
            Code(c.ItemId), c.Kind, c.Description, Pill(c.Done ? "yes" : "no"), c.DoneBy, Time(c.DoneAt))));
        html.Element("h3", "Notifications");
        html.Table(["to", "subject", "status", "attempts", "delivered", "last error"], report.Notifications.Select(n => Row(
            n.Target, n.Subject, Pill(n.Status), Num(n.Attempts), Time(n.DeliveredAt), n.LastError)));
        html.EndSection();
    }

    private static void Evidence(HtmlWriter html, ReportEvidence evidence)
    {
        html.Section("evidence", "Evidence");
        var v = evidence.Verification;
        var (css, text) = v is null
            ? ("warn", "The evidence chain was not verified for this report.")
            : v.Intact
                ? ("ok", $"The hash chain is intact: {v.Entries} entries, head {v.HeadHash}.")
                : ("bad", $"The hash chain is BROKEN at entry {v.FirstBadSequence}: {v.Message}");
        html.Raw($"<div class=\"chain {css}\">").Append(Pill(evidence.Verdict)).Raw(" ").Append(text).Raw("</div>\n");
        html.Table(["#", "at", "kind", "summary", "hash", "previous hash"], evidence.Entries.Select(e => Row(
            Num(e.Sequence), Time(e.At), e.Kind, e.Summary, Code(e.Hash), Code(e.PreviousHash))));
        html.EndSection();
    }

    private static void Lessons(HtmlWriter html, ReportLessons lessons)
    {
        html.Section("lessons", "Lessons learned");
        foreach (var p in lessons.Prompts)
        {
            html.Raw("<div class=\"prompt\">").Element("h3", p.Question);
            if (p.Observations.Count > 0)
            {
                html.Raw("<ul>");
                foreach (var o in p.Observations)
                {
                    html.Element("li", o);
                }

                html.Raw("</ul>");
            }

            html.Element("div", p.Answer.Length > 0 ? p.Answer : "To fill in at the review.", p.Answer.Length > 0 ? "answer" : "answer empty")
                .Raw("</div>\n");
        }

        html.Element("h3", "Lessons recorded");
        html.Table(["at", "by", "lesson"], lessons.Recorded.Select(n => Row(Time(n.At), n.Author, n.Text)));
        html.EndSection();
    }

    private static void RawRecords(HtmlWriter html, IReadOnlyList<ReportActorAction> actions)
    {
        html.Section("raw-records", "Appendix: the actor's CloudTrail records (secrets redacted)");
        foreach (var a in actions.Where(a => a.Raw is not null))
        {
            html.Raw("<details><summary>").Append(Time(a.At)).Raw(" ").Append(a.EventName).Raw(" ").Append(Code(a.EventId))
                .Raw("</summary>").Element("pre", a.Raw!.ToJsonString(Indented)).Raw("</details>\n");
        }

        html.EndSection();
    }
}

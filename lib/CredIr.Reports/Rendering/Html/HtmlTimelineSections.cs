using CredIr.Reports.Model;
using static CredIr.Reports.Rendering.Html.HtmlParts;
using static CredIr.Reports.Rendering.Html.HtmlReportRenderer;

namespace CredIr.Reports.Rendering.Html;

/// <summary>What the actor did: the timeline picture, every call, the indicators, the derived credentials.</summary>
internal static class HtmlTimelineSections
{
    public static void Write(HtmlWriter html, IncidentReport report)
    {
        Timeline(html, report.Timeline);
        ActorActions(html, report.Timeline.ActorActions);
        html.Section("indicators", "Indicators of compromise");
        html.Table(["type", "value", "first seen", "last seen", "calls"], report.Indicators.Select(x => Row(
            x.Type, Code(x.Value), Time(x.FirstSeen), Time(x.LastSeen), Num(x.Count))));
        html.EndSection();
        Credentials(html, report);
    }

    private static void Timeline(HtmlWriter html, ReportTimeline t)
    {
        html.Section("timeline", "Timeline").Raw(TimelineSvg.Render(t, "Timeline of the whole incident: the actor's actions by category and the response's milestones"));
        html.Raw("<p class=\"legend\">");
        foreach (var m in t.Milestones)
        {
            html.Raw($"<span><i style=\"--c:{CategoryPalette.Milestone(m.Name)}\"></i><b>").Append(m.Name).Raw("</b> ").Append(Time(m.At)).Raw("</span>");
        }

        html.Raw("<span>● a call · ○ a refused call</span></p>\n");
        CloseUp(html, t);
        html.Element("h3", "Milestones");
        html.Table(["milestone", "at", "what"], t.Milestones.Select(m => Row(Pill(m.Name), Time(m.At), m.Description)));
        html.Element("h3", "The actor's actions by category");
        html.Table(["category", "calls", "first", "last"], t.Lanes.Select(l => Row(
            Chips([l.Category]), Num(l.Count), Time(l.FirstAt), Time(l.LastAt))));
        html.Element("h3", "The response, step by step");
        html.Table(["time", "by", "what", "phase"], t.Entries.Select(e => Row(Time(e.At), e.Actor, e.What, Pill(e.Phase))));
        html.EndSection();
    }

    // The actor usually works in minutes while the response takes hours or days: on the whole
    // incident's scale the calls pile up, so their own span is drawn again, zoomed in.
    private static void CloseUp(HtmlWriter html, ReportTimeline t)
    {
        var times = t.ActorActions.Where(a => a.At is not null).Select(a => a.At!.Value).ToList();
        if (times.Count < 2 || t.Start is not { } start || t.End is not { } end)
        {
            return;
        }

        var (first, last) = (times.Min(), times.Max());
        if ((last - first).Ticks * 4 > (end - start).Ticks)
        {
            return;
        }

        html.Element("h3", $"The actor's activity, close up ({UtcTimeJsonConverter.Format(first)} to {UtcTimeJsonConverter.Format(last)})");
        html.Raw(TimelineSvg.Render(t, "The actor's actions by category, zoomed to their own time span", first, last));
    }

    private static void ActorActions(HtmlWriter html, IReadOnlyList<ReportActorAction> actions)
    {
        html.Section("actor-actions", $"The actor's actions ({actions.Count})");
        html.Table(
            ["time", "event", "categories", "access key · source IP", "user agent", "account · region", "resources", "result"],
            actions.Select(a => Row(
                Time(a.At),
                Join(Html.Raw("<b>"), a.EventName, Html.Raw("</b>"), Small(a.EventSource), Html.Raw("<br />"), Code(a.EventId)),
                Chips(a.Categories),
                Join(Code(a.AccessKeyId), Html.Raw("<br />"), Code(a.SourceIpAddress)),
                a.UserAgent,
                Join(Code(a.AccountId), Html.Raw("<br />"), Code(a.Region)),
                Lines(a.Resources.Select(Resource)),
                a.ErrorCode.Length > 0 ? Join(Pill("refused"), Small($"{a.ErrorCode}: {a.ErrorMessage}")) : Pill("ok"))));
        html.EndSection();
    }

    private static void Credentials(HtmlWriter html, IncidentReport report)
    {
        html.Section("credentials", "Derived credentials");
        html.Raw("<div class=\"graph-wrap\">").Raw(CredentialGraphSvg.Render(report.Credentials, report.CredentialGraph)).Raw("</div>\n");
        html.Table(
            ["credential", "kind", "principal", "status", "depth", "derived from", "created by", "created at"],
            report.Credentials.Select(c => Row(
                Code(c.Id),
                c.Kind,
                Join(Code(c.PrincipalArn), Small(c.SessionName.Length > 0 ? $"session {c.SessionName}" : "")),
                Pill(c.Status),
                Num(c.Depth),
                c.DerivedFrom is null ? "-" : Join(Html.Raw("← "), Code(c.DerivedFrom)),
                c.CreatedByEventId.Length > 0 ? Join(c.CreatedByEventName, Html.Raw("<br />"), Code(c.CreatedByEventId)) : "-",
                Time(c.CreatedAt))));
        html.EndSection();
    }
}

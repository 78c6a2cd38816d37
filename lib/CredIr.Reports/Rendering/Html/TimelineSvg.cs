using System.Globalization;
using System.Text;
using CredIr.Reports.Model;

namespace CredIr.Reports.Rendering.Html;

/// <summary>
/// The timeline picture: one lane per category with a mark per actor call, and our milestones
/// as vertical lines across all lanes.
/// </summary>
internal static class TimelineSvg
{
    private const double Width = 1160;
    private const double LabelWidth = 190;
    private const double PlotLeft = LabelWidth + 10;
    private const double PlotRight = Width - 24;
    private const double LaneHeight = 34;
    private const double MilestoneBand = 66;
    private const double AxisHeight = 34;

    private static readonly TimeSpan[] TickSteps =
    [
        TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(15),
        TimeSpan.FromMinutes(30), TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(3),
        TimeSpan.FromHours(6), TimeSpan.FromHours(12), TimeSpan.FromDays(1), TimeSpan.FromDays(2), TimeSpan.FromDays(7),
        TimeSpan.FromDays(14), TimeSpan.FromDays(30),
    ];

    public static string Render(ReportTimeline timeline)
    {
        if (timeline.Start is not { } first || timeline.End is not { } last)
        {
            return "<p class=\"none\">No times to draw.</p>";
        }

        // Pad the range so marks at the ends are not cut by the frame.
        var span = last - first;
        var pad = span <= TimeSpan.Zero ? TimeSpan.FromMinutes(5) : TimeSpan.FromTicks(span.Ticks / 25);
        var start = first - pad;
        var end = last + pad;
        double X(DateTimeOffset t) => PlotLeft + ((t - start).TotalSeconds / (end - start).TotalSeconds * (PlotRight - PlotLeft));

        var lanes = timeline.Lanes.Select(l => l.Category).ToList();
        var height = MilestoneBand + (Math.Max(lanes.Count, 1) * LaneHeight) + AxisHeight;
        var lanesBottom = MilestoneBand + (lanes.Count * LaneHeight);
        var svg = new StringBuilder(16 * 1024);
        svg.Append(Inv($"<svg class=\"timeline\" viewBox=\"0 0 {Width} {height}\" width=\"100%\" role=\"img\" aria-label=\"Timeline of the actor's actions by category and of the response\">\n"));
        svg.Append("<title>Timeline of the actor's actions by category and of the response</title>\n");

        for (var i = 0; i < lanes.Count; i++)
        {
            var y = MilestoneBand + (i * LaneHeight);
            var fill = i % 2 == 0 ? "#f8f9fa" : "#ffffff";
            svg.Append(Inv($"<rect x=\"0\" y=\"{y}\" width=\"{Width}\" height=\"{LaneHeight}\" fill=\"{fill}\" />"));
            svg.Append(Inv($"<rect x=\"8\" y=\"{y + 12}\" width=\"10\" height=\"10\" rx=\"2\" fill=\"{CategoryPalette.Color(lanes[i])}\" />"));
            svg.Append(Inv($"<text x=\"24\" y=\"{y + 21}\" class=\"lane\">{HtmlText.Encode(lanes[i])}</text>\n"));
        }

        Axis(svg, start, end, X, lanesBottom);
        Milestones(svg, timeline.Milestones, X, lanesBottom);
        foreach (var a in timeline.ActorActions.Where(a => a.At is not null))
        {
            foreach (var category in a.Categories)
            {
                var lane = lanes.IndexOf(category);
                var cx = X(a.At!.Value);
                var cy = MilestoneBand + (lane * LaneHeight) + (LaneHeight / 2);
                var color = CategoryPalette.Color(category);
                var refused = a.ErrorCode.Length > 0;
                var tip = $"{UtcTimeJsonConverter.Format(a.At.Value)} {a.EventName} ({a.EventId}){(refused ? " refused: " + a.ErrorCode : "")}";
                svg.Append(Inv($"<circle cx=\"{cx:0.#}\" cy=\"{cy:0.#}\" r=\"6\" fill=\"{(refused ? "#ffffff" : color)}\" stroke=\"{color}\" stroke-width=\"2\" fill-opacity=\"0.85\"><title>{HtmlText.Encode(tip)}</title></circle>\n"));
            }
        }

        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static void Axis(StringBuilder svg, DateTimeOffset start, DateTimeOffset end, Func<DateTimeOffset, double> x, double top)
    {
        var step = TickSteps.FirstOrDefault(s => (end - start) / s <= 8, TickSteps[^1]);
        var tick = new DateTimeOffset(start.UtcTicks - (start.UtcTicks % step.Ticks) + step.Ticks, TimeSpan.Zero);
        svg.Append(Inv($"<line x1=\"{PlotLeft}\" y1=\"{top}\" x2=\"{PlotRight}\" y2=\"{top}\" stroke=\"#adb5bd\" />\n"));
        var format = step >= TimeSpan.FromDays(1) ? "yyyy-MM-dd" : "MM-dd HH:mm";
        for (; tick < end; tick += step)
        {
            var tx = x(tick);
            svg.Append(Inv($"<line x1=\"{tx:0.#}\" y1=\"{MilestoneBand}\" x2=\"{tx:0.#}\" y2=\"{top + 5}\" stroke=\"#dee2e6\" stroke-width=\"1\" />"));
            svg.Append(Inv($"<text x=\"{tx:0.#}\" y=\"{top + 20}\" class=\"tick\" text-anchor=\"middle\">{tick.UtcDateTime.ToString(format, CultureInfo.InvariantCulture)}</text>\n"));
        }

        svg.Append(Inv($"<text x=\"{PlotRight}\" y=\"{top + 32}\" class=\"tick\" text-anchor=\"end\">UTC</text>\n"));
    }

    private static void Milestones(StringBuilder svg, IReadOnlyList<ReportMilestone> milestones, Func<DateTimeOffset, double> x, double bottom)
    {
        // Labels alternate between three rows so milestones minutes apart stay readable.
        for (var i = 0; i < milestones.Count; i++)
        {
            var m = milestones[i];
            var mx = x(m.At);
            var color = CategoryPalette.Milestone(m.Name);
            var labelY = 16 + ((i % 3) * 18);
            var anchor = mx > PlotRight - 120 ? "end" : "start";
            var labelX = anchor == "end" ? mx - 4 : mx + 4;
            svg.Append(Inv($"<line x1=\"{mx:0.#}\" y1=\"{labelY - 12}\" x2=\"{mx:0.#}\" y2=\"{bottom}\" stroke=\"{color}\" stroke-width=\"2\" stroke-dasharray=\"6 4\"><title>{HtmlText.Encode(m.Name)} {UtcTimeJsonConverter.Format(m.At)}</title></line>"));
            svg.Append(Inv($"<text x=\"{labelX:0.#}\" y=\"{labelY}\" class=\"milestone\" fill=\"{color}\" text-anchor=\"{anchor}\">{HtmlText.Encode(m.Name)} {m.At.UtcDateTime.ToString("MM-dd HH:mm", CultureInfo.InvariantCulture)}</text>\n"));
        }
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

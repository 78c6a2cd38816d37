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
    private const double LabelRowHeight = 18;
    private const double AxisHeight = 34;

    private static readonly TimeSpan[] TickSteps =
    [
        TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10), TimeSpan.FromMinutes(15),
        TimeSpan.FromMinutes(30), TimeSpan.FromHours(1), TimeSpan.FromHours(2), TimeSpan.FromHours(3),
        TimeSpan.FromHours(6), TimeSpan.FromHours(12), TimeSpan.FromDays(1), TimeSpan.FromDays(2), TimeSpan.FromDays(7),
        TimeSpan.FromDays(14), TimeSpan.FromDays(30),
    ];

    // Draws the part of the timeline between from and to (all of it when they are null).
    public static string Render(ReportTimeline timeline, string caption, DateTimeOffset? from = null, DateTimeOffset? to = null)
    {
        if ((from ?? timeline.Start) is not { } first || (to ?? timeline.End) is not { } last)
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
        var milestones = timeline.Milestones.Where(m => m.At >= start && m.At <= end).ToList();
        var labels = PlaceLabels(milestones, X);
        var band = 12 + ((labels.Count == 0 ? 0 : labels.Max(l => l.Row) + 1) * LabelRowHeight);
        var height = band + (Math.Max(lanes.Count, 1) * LaneHeight) + AxisHeight;
        var lanesBottom = band + (lanes.Count * LaneHeight);
        var svg = new StringBuilder(16 * 1024);
        svg.Append(Inv($"<svg class=\"timeline\" viewBox=\"0 0 {Width} {height}\" width=\"100%\" role=\"img\" aria-label=\"{HtmlText.Encode(caption)}\">\n"));
        svg.Append("<title>").Append(HtmlText.Encode(caption)).Append("</title>\n");

        for (var i = 0; i < lanes.Count; i++)
        {
            var y = band + (i * LaneHeight);
            var fill = i % 2 == 0 ? "#f8f9fa" : "#ffffff";
            svg.Append(Inv($"<rect x=\"0\" y=\"{y}\" width=\"{Width}\" height=\"{LaneHeight}\" fill=\"{fill}\" />"));
            svg.Append(Inv($"<rect x=\"8\" y=\"{y + 12}\" width=\"10\" height=\"10\" rx=\"2\" fill=\"{CategoryPalette.Color(lanes[i])}\" />"));
            svg.Append(Inv($"<text x=\"24\" y=\"{y + 21}\" class=\"lane\">{HtmlText.Encode(lanes[i])}</text>\n"));
        }

        Axis(svg, start, end, X, band, lanesBottom);
        Milestones(svg, labels, lanesBottom);
        foreach (var a in timeline.ActorActions.Where(a => a.At is { } at && at >= start && at <= end))
        {
            foreach (var category in a.Categories)
            {
                var lane = lanes.IndexOf(category);
                var cx = X(a.At!.Value);
                var cy = band + (lane * LaneHeight) + (LaneHeight / 2);
                var color = CategoryPalette.Color(category);
                var refused = a.ErrorCode.Length > 0;
                var tip = $"{UtcTimeJsonConverter.Format(a.At.Value)} {a.EventName} ({a.EventId}){(refused ? " refused: " + a.ErrorCode : "")}";
                svg.Append(Inv($"<circle cx=\"{cx:0.#}\" cy=\"{cy:0.#}\" r=\"6\" fill=\"{(refused ? "#ffffff" : color)}\" stroke=\"{color}\" stroke-width=\"2\" fill-opacity=\"0.85\"><title>{HtmlText.Encode(tip)}</title></circle>\n"));
            }
        }

        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static void Axis(StringBuilder svg, DateTimeOffset start, DateTimeOffset end, Func<DateTimeOffset, double> x, double band, double top)
    {
        var step = TickSteps.FirstOrDefault(s => (end - start) / s <= 8, TickSteps[^1]);
        var tick = new DateTimeOffset(start.UtcTicks - (start.UtcTicks % step.Ticks) + step.Ticks, TimeSpan.Zero);
        svg.Append(Inv($"<line x1=\"{PlotLeft}\" y1=\"{top}\" x2=\"{PlotRight}\" y2=\"{top}\" stroke=\"#adb5bd\" />\n"));
        var format = step >= TimeSpan.FromDays(1) ? "yyyy-MM-dd" : "MM-dd HH:mm";
        for (; tick < end; tick += step)
        {
            var tx = x(tick);
            svg.Append(Inv($"<line x1=\"{tx:0.#}\" y1=\"{band}\" x2=\"{tx:0.#}\" y2=\"{top + 5}\" stroke=\"#dee2e6\" stroke-width=\"1\" />"));
            svg.Append(Inv($"<text x=\"{tx:0.#}\" y=\"{top + 20}\" class=\"tick\" text-anchor=\"middle\">{tick.UtcDateTime.ToString(format, CultureInfo.InvariantCulture)}</text>\n"));
        }

        svg.Append(Inv($"<text x=\"{PlotRight}\" y=\"{top + 32}\" class=\"tick\" text-anchor=\"end\">UTC</text>\n"));
    }

    // Each label goes on the first row where it does not overlap the previous one, so milestones
    // minutes apart stay readable; labels near the right edge grow leftwards.
    private static List<(ReportMilestone Milestone, double X, int Row, bool AnchorEnd)> PlaceLabels(
        IReadOnlyList<ReportMilestone> milestones, Func<DateTimeOffset, double> x)
    {
        var rowEnds = new List<double>();
        var placed = new List<(ReportMilestone, double, int, bool)>();
        foreach (var m in milestones.OrderBy(m => m.At))
        {
            var mx = x(m.At);
            var width = (Label(m).Length * 7.2) + 8;
            var anchorEnd = mx + width > Width - 4;
            var left = anchorEnd ? mx - width : mx;
            var row = rowEnds.FindIndex(end => end < left);
            if (row < 0)
            {
                rowEnds.Add(0);
                row = rowEnds.Count - 1;
            }

            rowEnds[row] = anchorEnd ? mx + 4 : mx + width;
            placed.Add((m, mx, row, anchorEnd));
        }

        return placed;
    }

    private static void Milestones(StringBuilder svg, List<(ReportMilestone Milestone, double X, int Row, bool AnchorEnd)> labels, double bottom)
    {
        foreach (var (m, mx, row, anchorEnd) in labels)
        {
            var color = CategoryPalette.Milestone(m.Name);
            var labelY = 14 + (row * LabelRowHeight);
            var labelX = anchorEnd ? mx - 4 : mx + 4;
            svg.Append(Inv($"<line x1=\"{mx:0.#}\" y1=\"{labelY - 12}\" x2=\"{mx:0.#}\" y2=\"{bottom}\" stroke=\"{color}\" stroke-width=\"2\" stroke-dasharray=\"6 4\"><title>{HtmlText.Encode(m.Name)} {UtcTimeJsonConverter.Format(m.At)}</title></line>"));
            svg.Append(Inv($"<text x=\"{labelX:0.#}\" y=\"{labelY}\" class=\"milestone\" fill=\"{color}\" text-anchor=\"{(anchorEnd ? "end" : "start")}\">{HtmlText.Encode(Label(m))}</text>\n"));
        }
    }

    private static string Label(ReportMilestone m) =>
        $"{m.Name} {m.At.UtcDateTime.ToString("MM-dd HH:mm", CultureInfo.InvariantCulture)}";

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

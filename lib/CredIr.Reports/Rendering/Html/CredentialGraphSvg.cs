using System.Globalization;
using System.Text;
using CredIr.Reports.Model;

namespace CredIr.Reports.Rendering.Html;

/// <summary>
/// The derived-credential graph: one column per derivation depth, an arrow from each credential
/// to the credentials the actor made with it, labelled with the creating call.
/// </summary>
internal static class CredentialGraphSvg
{
    private const double NodeWidth = 300;
    private const double NodeHeight = 50;
    private const double ColumnGap = 120;
    private const double RowGap = 22;
    private const double Margin = 16;
    private const int MaxChars = 40;

    public static string Render(IReadOnlyList<ReportCredential> credentials, IReadOnlyList<ReportCredentialEdge> edges)
    {
        if (credentials.Count == 0)
        {
            return "<p class=\"none\">No credentials recorded.</p>";
        }

        var nodes = credentials.Select(c => (c.Id, c.Depth, Line1: c.Id, Line2: Describe(c), Known: true)).ToList();
        // A parent outside the incident's credential list still gets a box, marked as such.
        foreach (var missing in edges.Select(e => e.From).Where(f => nodes.All(n => n.Id != f)).Distinct(StringComparer.Ordinal).ToList())
        {
            var childDepth = credentials.Where(c => c.DerivedFrom == missing).Select(c => c.Depth).DefaultIfEmpty(1).Min();
            nodes.Add((missing, Math.Max(childDepth - 1, 0), missing, "not among the incident's credentials", false));
        }

        var columns = nodes.GroupBy(n => n.Depth).OrderBy(g => g.Key).Select(g => g.ToList()).ToList();
        var position = new Dictionary<string, (double X, double Y)>(StringComparer.Ordinal);
        for (var col = 0; col < columns.Count; col++)
        {
            for (var row = 0; row < columns[col].Count; row++)
            {
                position[columns[col][row].Id] = (Margin + (col * (NodeWidth + ColumnGap)), Margin + (row * (NodeHeight + RowGap)));
            }
        }

        var width = (2 * Margin) + (columns.Count * NodeWidth) + ((columns.Count - 1) * ColumnGap);
        var height = (2 * Margin) + (columns.Max(c => c.Count) * (NodeHeight + RowGap)) - RowGap;
        var svg = new StringBuilder(8 * 1024);
        svg.Append(Inv($"<svg class=\"graph\" viewBox=\"0 0 {width} {height}\" width=\"{width}\" style=\"max-width:100%\" role=\"img\" aria-label=\"Derived-credential graph\">\n"));
        svg.Append("<title>Derived-credential graph</title>\n");
        svg.Append("<defs><marker id=\"arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M 0 0 L 10 5 L 0 10 z\" fill=\"#495057\" /></marker></defs>\n");
        foreach (var e in edges)
        {
            if (!position.TryGetValue(e.From, out var from) || !position.TryGetValue(e.To, out var to))
            {
                continue;
            }

            var (x1, y1) = (from.X + NodeWidth, from.Y + (NodeHeight / 2));
            var (x2, y2) = (to.X, to.Y + (NodeHeight / 2));
            var mid = (x1 + x2) / 2;
            svg.Append(Inv($"<path d=\"M {x1:0.#} {y1:0.#} C {mid:0.#} {y1:0.#}, {mid:0.#} {y2:0.#}, {x2 - 2:0.#} {y2:0.#}\" fill=\"none\" stroke=\"#495057\" stroke-width=\"1.6\" marker-end=\"url(#arrow)\"><title>{HtmlText.Encode($"{e.EventName} ({e.EventId})")}</title></path>\n"));
            svg.Append(Inv($"<text x=\"{x2 - 8:0.#}\" y=\"{y2 - 8:0.#}\" class=\"edge\" text-anchor=\"end\">{HtmlText.Encode(Truncate(e.EventName, 18))}</text>\n"));
        }

        foreach (var n in nodes)
        {
            var (x, y) = position[n.Id];
            var (fill, stroke) = n.Known ? (n.Depth == 0 ? ("#fff5f5", "#c92a2a") : ("#fff9db", "#e67700")) : ("#f1f3f5", "#868e96");
            svg.Append(Inv($"<g><title>{HtmlText.Encode($"{n.Line1}: {n.Line2}")}</title>"));
            svg.Append(Inv($"<rect x=\"{x:0.#}\" y=\"{y:0.#}\" width=\"{NodeWidth}\" height=\"{NodeHeight}\" rx=\"6\" fill=\"{fill}\" stroke=\"{stroke}\" stroke-width=\"1.5\" />"));
            svg.Append(Inv($"<text x=\"{x + 10:0.#}\" y=\"{y + 21:0.#}\" class=\"node-id\">{HtmlText.Encode(Truncate(n.Line1, MaxChars))}</text>"));
            svg.Append(Inv($"<text x=\"{x + 10:0.#}\" y=\"{y + 39:0.#}\" class=\"node-kind\">{HtmlText.Encode(TruncateEnd(n.Line2, MaxChars + 6))}</text></g>\n"));
        }

        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static string Describe(ReportCredential c)
    {
        var who = c.UserName.Length > 0 ? c.UserName : c.RoleName.Length > 0 ? c.RoleName : c.SessionName;
        var status = c.Status.Length > 0 ? c.Status : "status unknown";
        return who.Length > 0 ? $"{c.Kind} · {who} · {status}" : $"{c.Kind} · {status}";
    }

    // Keep the end of long values (an ARN's resource name, a key id's tail) that tells them apart.
    private static string Truncate(string value, int max) =>
        value.Length <= max ? value : string.Concat("…", value.AsSpan(value.Length - (max - 1)));

    private static string TruncateEnd(string value, int max) =>
        value.Length <= max ? value : string.Concat(value.AsSpan(0, max - 1), "…");

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

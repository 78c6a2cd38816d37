using System.Text;

namespace CredIr.Reports.Rendering.Html;

/// <summary>Writes elements whose text and attribute values are always encoded.</summary>
internal sealed class HtmlWriter
{
    private readonly StringBuilder _html = new(64 * 1024);

    public HtmlWriter Raw(string markup)
    {
        _html.Append(markup);
        return this;
    }

    public HtmlWriter Append(Html html)
    {
        _html.Append(html.Markup);
        return this;
    }

    public HtmlWriter Open(string tag, string? cssClass = null)
    {
        _html.Append('<').Append(tag);
        if (cssClass is not null)
        {
            _html.Append(" class=\"").Append(HtmlText.Encode(cssClass)).Append('"');
        }

        _html.Append('>');
        return this;
    }

    public HtmlWriter Close(string tag)
    {
        _html.Append("</").Append(tag).Append(">\n");
        return this;
    }

    public HtmlWriter Element(string tag, Html content, string? cssClass = null) =>
        Open(tag, cssClass).Append(content).Raw($"</{tag}>");

    public HtmlWriter Section(string id, string title)
    {
        _html.Append("<section id=\"").Append(HtmlText.Encode(id)).Append("\"><h2>").Append(HtmlText.Encode(title)).Append("</h2>\n");
        return this;
    }

    public HtmlWriter EndSection() => Close("section");

    public HtmlWriter Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<Html>> rows, string? cssClass = null)
    {
        var list = rows.ToList();
        if (list.Count == 0)
        {
            return Element("p", "None.", "none");
        }

        Open("table", cssClass).Raw("<thead><tr>");
        foreach (var h in headers)
        {
            Element("th", h);
        }

        Raw("</tr></thead>\n<tbody>\n");
        foreach (var row in list)
        {
            Raw("<tr>");
            foreach (var cell in row)
            {
                Element("td", cell);
            }

            Raw("</tr>\n");
        }

        return Raw("</tbody>").Close("table");
    }

    public override string ToString() => _html.ToString();
}

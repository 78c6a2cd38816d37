using System.Text;

namespace CredIr.Reports.Rendering.Markdown;

/// <summary>Headings, lists and tables, with every value escaped on the way in.</summary>
internal sealed class MarkdownWriter
{
    private readonly StringBuilder _text = new();

    public void Heading(int level, string title)
    {
        // Exactly one blank line before a heading, whatever came before it.
        while (_text.Length > 0 && _text[^1] == '\n')
        {
            _text.Length--;
        }

        if (_text.Length > 0)
        {
            _text.Append("\n\n");
        }

        _text.Append('#', level).Append(' ').Append(MarkdownText.Escape(title)).Append("\n\n");
    }

    public void Line(string markdown) => _text.Append(markdown).Append('\n');

    public void Paragraph(string value) => _text.Append(MarkdownText.Escape(value)).Append("\n\n");

    public void Field(string label, string value) =>
        _text.Append("- **").Append(label).Append(":** ").Append(MarkdownText.Escape(MarkdownText.OrDash(value))).Append('\n');

    public void Bullet(string value, int indent = 0) =>
        _text.Append(' ', indent * 2).Append("- ").Append(MarkdownText.Escape(value)).Append('\n');

    public void Blank() => _text.Append('\n');

    public void Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string>> rows)
    {
        var list = rows.ToList();
        if (list.Count == 0)
        {
            _text.Append("_None._\n\n");
            return;
        }

        _text.Append("| ").AppendJoin(" | ", headers).Append(" |\n");
        _text.Append('|').AppendJoin('|', headers.Select(_ => " --- ")).Append("|\n");
        foreach (var row in list)
        {
            _text.Append("| ").AppendJoin(" | ", row.Select(MarkdownText.Escape)).Append(" |\n");
        }

        _text.Append('\n');
    }

    public override string ToString() => _text.ToString();
}

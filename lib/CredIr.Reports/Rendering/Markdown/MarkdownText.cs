using System.Text;

namespace CredIr.Reports.Rendering.Markdown;

/// <summary>
/// Escapes values for Markdown. The actor chooses user agents, resource names and tags, so a
/// value must not open a link, an HTML tag, a table cell or a new line when a viewer renders it.
/// </summary>
internal static class MarkdownText
{
    public static string Escape(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return "";
        }

        var builder = new StringBuilder(value.Length + 16);
        foreach (var c in value)
        {
            switch (c)
            {
                case '&': builder.Append("&amp;"); break;
                case '<': builder.Append("&lt;"); break;
                case '>': builder.Append("&gt;"); break;
                case '\r' or '\n' or '\t': builder.Append(' '); break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '#' or '!' or '~':
                    builder.Append('\\').Append(c);
                    break;
                default:
                    if (!char.IsControl(c))
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        return builder.ToString();
    }

    public static string Time(DateTimeOffset? at) => at is { } t ? UtcTimeJsonConverter.Format(t) : "";

    public static string OrDash(string value) => value.Length == 0 ? "-" : value;
}

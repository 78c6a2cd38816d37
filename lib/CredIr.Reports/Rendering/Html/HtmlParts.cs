using System.Globalization;
using CredIr.Reports.Model;

namespace CredIr.Reports.Rendering.Html;

/// <summary>Small pieces of markup: codes, status pills, category chips, times.</summary>
internal static class HtmlParts
{
    // Short identifiers (key ids, IPs, step ids) never wrap; ARNs and hashes may break anywhere.
    public static Html Code(string value) =>
        value.Length == 0 ? Html.Raw("")
        : value.Length <= 24 ? Html.Raw($"<code class=\"nw\">{HtmlText.Encode(value)}</code>")
        : Html.Raw($"<code>{HtmlText.Encode(value)}</code>");

    // Date and time may wrap onto two lines in a narrow column, never inside either.
    public static Html Time(DateTimeOffset? at)
    {
        if (at is not { } t)
        {
            return Html.Raw("");
        }

        var parts = UtcTimeJsonConverter.Format(t).Split('T');
        return Html.Raw($"<span class=\"time\"><span>{parts[0]}</span> <span>{parts[1]}</span></span>");
    }

    public static Html Pill(string status) =>
        status.Length == 0 ? Html.Raw("") : Html.Raw($"<span class=\"pill {StatusClass(status)}\">{HtmlText.Encode(status)}</span>");

    public static Html Chips(IEnumerable<string> categories) =>
        Html.Raw(string.Concat(categories.Select(c =>
            $"<span class=\"chip\" style=\"--c:{CategoryPalette.Color(c)}\">{HtmlText.Encode(c)}</span>")));

    public static Html Join(params Html[] parts) => Html.Raw(string.Concat(parts.Select(p => p.Markup)));

    public static Html Lines(IEnumerable<Html> parts) => Html.Raw(string.Join("<br />", parts.Select(p => p.Markup)));

    public static Html Small(string text) =>
        text.Length == 0 ? Html.Raw("") : Html.Raw($"<br /><small>{HtmlText.Encode(text)}</small>");

    public static Html Resource(ReportResource? r) =>
        r is null ? Html.Raw("") : Join(Code(r.Arn.Length > 0 ? r.Arn : r.Id), Small(r.Type));

    public static string Num(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string Span(long? seconds) => seconds is { } s ? DurationText.Format(s) : "-";

    private static string StatusClass(string status) => status switch
    {
        "succeeded" or "already-done" or "approved" or "delivered" or "intact" or "yes" => "ok",
        "failed" or "rejected" or "broken" or "gave-up" => "bad",
        "auto-approved" => "auto",
        "manual" or "pending" or "started" or "planned" or "not-verified" => "warn",
        _ => "neutral",
    };
}

namespace CredIr.Reports.Rendering.Html;

/// <summary>
/// A piece of markup. A string becomes Html only by being encoded (the implicit conversion), so
/// an actor-controlled value cannot reach the page as markup by accident; our own markup is
/// built with <see cref="Raw"/>.
/// </summary>
internal readonly record struct Html(string Markup)
{
    public static implicit operator Html(string? text) => new(HtmlText.Encode(text));

    public static Html Raw(string markup) => new(markup);

    public override string ToString() => Markup;
}

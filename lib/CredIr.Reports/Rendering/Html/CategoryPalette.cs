namespace CredIr.Reports.Rendering.Html;

/// <summary>One colour per category, shared by the timeline lanes and the chips in the tables.</summary>
internal static class CategoryPalette
{
    private static readonly Dictionary<string, string> Colors = new(StringComparer.Ordinal)
    {
        ["sensitive-data-access"] = "#d9480f",
        ["resource-creation"] = "#1971c2",
        ["identity-persistence"] = "#c2255c",
        ["creation"] = "#2f9e44",
        ["deletion"] = "#e03131",
        ["modification"] = "#e67700",
        ["defense-evasion"] = "#6741d9",
        ["failed-attempt"] = "#868e96",
        ["reconnaissance"] = "#0c8599",
        ["credential-access"] = "#862e9c",
    };

    public static string Color(string category) => Colors.GetValueOrDefault(category, "#495057");

    public static string Milestone(string name) => name switch
    {
        "compromised" => "#c92a2a",
        "detected" => "#e67700",
        "identified" => "#5f3dc4",
        "contained" => "#1864ab",
        "eradicated" => "#087f5b",
        "recovered" => "#2b8a3e",
        _ => "#343a40",
    };
}

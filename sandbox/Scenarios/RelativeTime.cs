using System.Globalization;
using System.Text.RegularExpressions;

namespace CredIr.Sandbox.Scenarios;

/// <summary>Times relative to the scenario's start: "-3h", "-2h55m", "-1d", "-90s", "0".</summary>
internal static partial class RelativeTime
{
    public static bool TryParse(string? text, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        if (text.Trim() == "0")
        {
            return true;
        }

        var match = Pattern().Match(text.Trim());
        if (!match.Success || match.Groups[2].Length + match.Groups[3].Length + match.Groups[4].Length + match.Groups[5].Length == 0)
        {
            return false;
        }

        offset = TimeSpan.FromDays(Part(match, 2)) + TimeSpan.FromHours(Part(match, 3)) + TimeSpan.FromMinutes(Part(match, 4)) + TimeSpan.FromSeconds(Part(match, 5));
        if (match.Groups[1].Value == "-")
        {
            offset = -offset;
        }

        return true;
    }

    private static int Part(Match m, int group) =>
        m.Groups[group].Length == 0 ? 0 : int.Parse(m.Groups[group].Value[..^1], CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^([+-]?)(\d+d)?(\d+h)?(\d+m)?(\d+s)?$")]
    private static partial Regex Pattern();
}

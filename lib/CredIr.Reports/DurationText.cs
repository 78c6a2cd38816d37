using System.Globalization;

namespace CredIr.Reports;

/// <summary>Durations as people read them: "2 d 3 h", "1 h 05 min", "42 s".</summary>
internal static class DurationText
{
    public static string Format(long seconds)
    {
        var sign = seconds < 0 ? "-" : "";
        var t = TimeSpan.FromSeconds(Math.Abs(seconds));
        var text = t.TotalDays >= 1 ? $"{(int)t.TotalDays} d {t.Hours} h"
            : t.TotalHours >= 1 ? $"{t.Hours} h {t.Minutes:00} min"
            : t.TotalMinutes >= 1 ? $"{t.Minutes} min {t.Seconds:00} s"
            : string.Create(CultureInfo.InvariantCulture, $"{t.Seconds} s");
        return sign + text;
    }
}

using System.Globalization;
using System.Text.Json;
using CredIr.Identification.Inputs;

namespace CredIr.Identification.HuaweiCloud.Inputs;

/// <summary>
/// Times as Huawei's services write them: CTS in epoch milliseconds (a number, or a string of digits), SecMaster as
/// ISO 8601, also in the "2021-01-30T23:00:00Z+0800" form its API examples show (read as the offset given).
/// </summary>
internal static class HuaweiTimes
{
    public static DateTimeOffset? Read(JsonElement element, string path, string field)
    {
        var value = element.Get(path);
        if (value is not { } v || v.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var ms))
        {
            return DateTimeOffset.FromUnixTimeMilliseconds(ms);
        }

        var text = v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : v.GetRawText();
        if (text.Length > 0 && text.All(char.IsAsciiDigit) && long.TryParse(text, CultureInfo.InvariantCulture, out ms))
        {
            return DateTimeOffset.FromUnixTimeMilliseconds(ms);
        }

        var zone = text.IndexOf("Z+", StringComparison.Ordinal) is var plus and > 0 ? plus : text.IndexOf("Z-", StringComparison.Ordinal);
        var iso = zone > 0 ? text.Remove(zone, 1) : text;
        if (DateTimeOffset.TryParse(iso, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return time;
        }

        throw new InputValidationException(field, $"{path} '{(text.Length <= 40 ? text : text[..40] + "...")}' is not a time (epoch milliseconds or ISO 8601, e.g. 2026-12-07T10:00:00Z)");
    }

    /// <summary>The compromise-time hint: the <paramref name="primary"/> time, else the <paramref name="fallback"/> one, with the field it came from.</summary>
    public static (DateTimeOffset? Time, string? Field) FirstSeen(JsonElement element, string field, string source, string primary, string fallback) =>
        Read(element, primary, field) is { } first ? (first, $"{source} {primary}")
        : Read(element, fallback, field) is { } second ? (second, $"{source} {fallback} (no {primary})")
        : (null, null);
}

using System.Globalization;

namespace CredIr.Sandbox.Iam.Policies.Internal;

/// <summary>Dates as the Date operators accept them: ISO 8601 (UTC unless an offset is given) or epoch seconds.</summary>
internal static class PolicyDates
{
    public static bool TryParse(string text, out DateTimeOffset value)
    {
        if (IsEpoch(text) && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            value = DateTimeOffset.UnixEpoch.AddMilliseconds(Math.Round(seconds * 1000));
            return true;
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out value);
    }

    private static bool IsEpoch(string text)
    {
        if (text.Length == 0)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c) && c != '.' && c != '-')
            {
                return false;
            }
        }

        // "2026-11-22" is a date, not arithmetic.
        return text.IndexOf('-', 1) < 0;
    }
}

using System.Globalization;

namespace CredIr.Cli.Output;

/// <summary>Times as CloudTrail writes them (UTC, "Z"), so output lines up with the trail.</summary>
internal static class IsoTime
{
    public static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}

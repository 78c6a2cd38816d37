using System.Globalization;
using System.Text.RegularExpressions;

namespace CredIr.Eradication.Trails.LogFiles;

/// <summary>
/// What a log file's path says: AWSLogs/[o-org/]ACCOUNT/CloudTrail/REGION/YYYY/MM/DD/ gives account and
/// region; the file name ACCOUNT_CloudTrail_REGION_YYYYMMDDTHHmmZ_xxx gives the delivery time. Only the
/// folder layout is trusted for account and region: anonymised copies rename records but not files.
/// </summary>
internal sealed partial record LogFilePath(string Path, string? AccountId, string? Region, DateTimeOffset? DeliveredAt)
{
    public static LogFilePath Parse(string path)
    {
        var normalized = path.Replace('\\', '/');
        var folder = LayoutRegex().Match(normalized);
        var name = FileNameRegex().Match(System.IO.Path.GetFileName(normalized));
        DateTimeOffset? delivered = name.Success
            && DateTimeOffset.TryParseExact(name.Groups["time"].Value, "yyyyMMdd'T'HHmm'Z'", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time)
            ? time
            : null;
        return new LogFilePath(
            path,
            folder.Success ? folder.Groups["account"].Value : null,
            folder.Success ? folder.Groups["region"].Value : null,
            delivered);
    }

    /// <summary>False only when the path proves the file holds nothing the query wants.</summary>
    public bool MayHold(TrailQuery query) =>
        (DeliveredAt is not { } delivered || delivered >= query.Since)
        && (AccountId is null || query.Accounts.Count == 0 || query.Accounts.Contains(AccountId))
        && (Region is null || query.Regions.Count == 0 || query.Regions.Contains(Region));

    [GeneratedRegex(@"AWSLogs/(?:o-[a-z0-9]+/)?(?<account>\d{12})/CloudTrail/(?<region>[a-z0-9-]+)/\d{4}/\d{2}/\d{2}/", RegexOptions.CultureInvariant)]
    private static partial Regex LayoutRegex();

    [GeneratedRegex(@"^\d{12}_CloudTrail_[a-z0-9-]+_(?<time>\d{8}T\d{4}Z)_", RegexOptions.CultureInvariant)]
    private static partial Regex FileNameRegex();
}

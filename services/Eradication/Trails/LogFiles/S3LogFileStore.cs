using System.Globalization;
using System.IO.Compression;
using System.Text.RegularExpressions;
using CredIr.Aws;

namespace CredIr.Eradication.Trails.LogFiles;

/// <summary>
/// Log files under an S3 prefix. Listing follows CloudTrail's layout, [o-org/]ACCOUNT/CloudTrail/REGION/YYYY/MM/DD/,
/// one level at a time (ListObjectsV2 with a delimiter): only the accounts and regions in scope are entered, and
/// only the day folders of the window (plus the next day, for files delivered after midnight) are listed, so only
/// the compromise window is fetched. A prefix that does not follow the layout is listed whole.
/// </summary>
internal sealed partial class S3LogFileStore(S3Client s3, string bucket, string prefix) : ILogFileStore
{
    public string Root => $"s3://{bucket}/{prefix}";

    public static (string Bucket, string Prefix) Parse(string location)
    {
        var path = location["s3://".Length..];
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        var key = slash < 0 ? string.Empty : path[(slash + 1)..];
        return (slash < 0 ? path : path[..slash], key.Length == 0 || key.EndsWith('/') ? key : key + "/");
    }

    public async Task<IReadOnlyList<LogFilePath>> ListAsync(TrailQuery query, CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        await WalkAsync(prefix, query, keys, cancellationToken);
        return keys.Where(ILogFileStore.IsLogFile).Select(LogFilePath.Parse).ToList();
    }

    public async Task<Stream> OpenAsync(string path, CancellationToken cancellationToken)
    {
        var body = (await s3.GetObjectAsync(new GetObjectRequest(bucket, path), cancellationToken)).Body.ToArray();
        Stream content = new MemoryStream(body, writable: false);
        return path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(content, CompressionMode.Decompress) : content;
    }

    public string Unit(string path) => path.StartsWith(prefix, StringComparison.Ordinal) ? path[prefix.Length..] : path;

    private async Task WalkAsync(string at, TrailQuery query, List<string> keys, CancellationToken cancellationToken)
    {
        if (RegionLevel().IsMatch(at))
        {
            // .../CloudTrail/REGION/: one listing per day of the window.
            for (var day = query.Since.UtcDateTime.Date; day <= query.Until.UtcDateTime.Date.AddDays(1); day = day.AddDays(1))
            {
                await ListKeysAsync(at + day.ToString("yyyy'/'MM'/'dd'/'", CultureInfo.InvariantCulture), keys, cancellationToken);
            }

            return;
        }

        if (AccountLevel().Match(at) is { Success: true } account)
        {
            // .../ACCOUNT/: straight to its CloudTrail folder (not CloudTrail-Digest or CloudTrail-Insight).
            if (query.Accounts.Count == 0 || query.Accounts.Contains(account.Groups[1].Value))
            {
                await WalkAsync(at + "CloudTrail/", query, keys, cancellationToken);
            }

            return;
        }

        var children = new List<string>();
        await foreach (var child in s3.ListCommonPrefixesAsync(new ListObjectsV2Request(bucket, at, "/"), cancellationToken))
        {
            children.Add(child);
        }

        if (at.EndsWith("/CloudTrail/", StringComparison.Ordinal))
        {
            foreach (var region in children.Where(c => query.Regions.Count == 0 || query.Regions.Contains(Segment(c))))
            {
                await WalkAsync(region, query, keys, cancellationToken);
            }

            return;
        }

        var layout = children.Where(c => Segment(c) is var s && (s == "AWSLogs" || OrganizationRegex().IsMatch(s) || AccountRegex().IsMatch(s))).ToList();
        if (layout.Count == 0)
        {
            // Not the CloudTrail layout: every file under the prefix (LogFilePath still prunes what its name tells).
            await ListKeysAsync(at, keys, cancellationToken);
            return;
        }

        foreach (var child in layout)
        {
            await WalkAsync(child, query, keys, cancellationToken);
        }
    }

    private async Task ListKeysAsync(string at, List<string> keys, CancellationToken cancellationToken)
    {
        await foreach (var item in s3.ListObjectsV2Async(new ListObjectsV2Request(bucket, at), cancellationToken))
        {
            keys.Add(item.Key);
        }
    }

    private static string Segment(string commonPrefix) => commonPrefix.TrimEnd('/').Split('/')[^1];

    [GeneratedRegex(@"/CloudTrail/[a-z0-9-]+/$", RegexOptions.CultureInvariant)]
    private static partial Regex RegionLevel();

    [GeneratedRegex(@"(?:^|/)(\d{12})/$", RegexOptions.CultureInvariant)]
    private static partial Regex AccountLevel();

    [GeneratedRegex(@"^o-[a-z0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex OrganizationRegex();

    [GeneratedRegex(@"^\d{12}$", RegexOptions.CultureInvariant)]
    private static partial Regex AccountRegex();
}

using System.Globalization;
using CredIr.Sandbox.Hosting;
using CredIr.Sandbox.Model;
using CredIr.Sandbox.Protocols;
using static CredIr.Sandbox.Protocols.X;

namespace CredIr.Sandbox.Services.S3;

/// <summary>ListObjectsV2 (and V1) and ListObjectVersions.</summary>
internal static class S3Listing
{
    public static ServiceResult Objects(SandboxCall call, S3Bucket bucket)
    {
        var q = call.QueryString;
        var prefix = q.GetValueOrDefault("prefix") ?? "";
        var max = int.TryParse(q.GetValueOrDefault("max-keys"), CultureInfo.InvariantCulture, out var m) ? m : 1000;
        var after = q.GetValueOrDefault("continuation-token") ?? q.GetValueOrDefault("start-after") ?? q.GetValueOrDefault("marker") ?? "";
        var delimiter = q.GetValueOrDefault("delimiter") is { Length: > 0 } d ? d : null;
        var current = bucket.Versions.Select(v => v.Key).Distinct().Where(k => k.StartsWith(prefix, StringComparison.Ordinal))
            .Select(bucket.Current).OfType<S3ObjectVersion>().ToList();
        // With a delimiter, keys with it after the prefix roll up into one CommonPrefixes entry each, as in S3.
        var entries = current.Select(o => (Name: Rollup(o.Key, prefix, delimiter) ?? o.Key, Object: Rollup(o.Key, prefix, delimiter) is null ? o : null))
            .DistinctBy(e => e.Name).Where(e => string.CompareOrdinal(e.Name, after) > 0).OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
        var page = entries.Take(max).ToList();
        var truncated = entries.Count > page.Count;
        var v2 = q.GetValueOrDefault("list-type") == "2";
        return new ServiceResult
        {
            XmlRoot = E("ListBucketResult",
                E("Name", bucket.Name), E("Prefix", prefix), delimiter is null ? null : E("Delimiter", delimiter), E("MaxKeys", max), E("IsTruncated", truncated),
                v2 ? E("KeyCount", page.Count) : null,
                v2 && truncated ? E("NextContinuationToken", page[^1].Name) : null,
                !v2 && truncated ? E("NextMarker", page[^1].Name) : null,
                page.Where(e => e.Object is not null).Select(e => E("Contents", E("Key", e.Object!.Key), E("LastModified", TimeMillis(e.Object.Modified)), E("ETag", e.Object.ETag),
                    E("Size", e.Object.Data!.LongLength), E("StorageClass", "STANDARD"))),
                page.Where(e => e.Object is null).Select(e => E("CommonPrefixes", E("Prefix", e.Name)))),
        };
    }

    private static string? Rollup(string key, string prefix, string? delimiter)
    {
        if (delimiter is null)
        {
            return null;
        }

        var at = key.IndexOf(delimiter, prefix.Length, StringComparison.Ordinal);
        return at < 0 ? null : key[..(at + delimiter.Length)];
    }

    public static ServiceResult Versions(SandboxCall call, S3Bucket bucket)
    {
        var prefix = call.QueryString.GetValueOrDefault("prefix") ?? "";
        var latest = bucket.Versions.GroupBy(v => v.Key).ToDictionary(g => g.Key, g => g.Last().VersionId, StringComparer.Ordinal);
        var entries = bucket.Versions.Where(v => v.Key.StartsWith(prefix, StringComparison.Ordinal))
            .OrderBy(v => v.Key, StringComparer.Ordinal).ThenByDescending(v => v.Modified).ToList();
        return new ServiceResult
        {
            XmlRoot = E("ListVersionsResult",
                E("Name", bucket.Name), E("Prefix", prefix), E("MaxKeys", 1000), E("IsTruncated", false),
                entries.Select(v => v.IsDeleteMarker
                    ? E("DeleteMarker", E("Key", v.Key), E("VersionId", v.VersionId), E("IsLatest", latest[v.Key] == v.VersionId), E("LastModified", TimeMillis(v.Modified)), S3Service.Owner(call))
                    : E("Version", E("Key", v.Key), E("VersionId", v.VersionId), E("IsLatest", latest[v.Key] == v.VersionId), E("LastModified", TimeMillis(v.Modified)),
                        E("ETag", v.ETag), E("Size", v.Data!.LongLength), E("StorageClass", "STANDARD"), S3Service.Owner(call)))),
        };
    }
}

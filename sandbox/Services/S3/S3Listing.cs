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
        var keys = bucket.Versions.Select(v => v.Key).Distinct().Where(k => k.StartsWith(prefix, StringComparison.Ordinal) && string.CompareOrdinal(k, after) > 0)
            .Select(bucket.Current).OfType<S3ObjectVersion>().OrderBy(v => v.Key, StringComparer.Ordinal).ToList();
        var page = keys.Take(max).ToList();
        var truncated = keys.Count > page.Count;
        var v2 = q.GetValueOrDefault("list-type") == "2";
        return new ServiceResult
        {
            XmlRoot = E("ListBucketResult",
                E("Name", bucket.Name), E("Prefix", prefix), E("MaxKeys", max), E("IsTruncated", truncated),
                v2 ? E("KeyCount", page.Count) : null,
                v2 && truncated ? E("NextContinuationToken", page[^1].Key) : null,
                !v2 && truncated ? E("NextMarker", page[^1].Key) : null,
                page.Select(o => E("Contents", E("Key", o.Key), E("LastModified", TimeMillis(o.Modified)), E("ETag", o.ETag),
                    E("Size", o.Data!.LongLength), E("StorageClass", "STANDARD")))),
        };
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

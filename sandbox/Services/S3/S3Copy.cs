using System.Text.Json.Nodes;
using CredIr.Sandbox.Hosting;
using CredIr.Sandbox.Model;
using CredIr.Sandbox.Protocols;
using static CredIr.Sandbox.Protocols.X;

namespace CredIr.Sandbox.Services.S3;

/// <summary>
/// CopyObject: a PUT naming <c>x-amz-copy-source: /bucket/key[?versionId=…]</c>. Copying a prior version onto its own
/// key is how a responder restores an overwritten object, so a specific source version is honoured.
/// </summary>
internal static class S3Copy
{
    public static ServiceResult Handle(SandboxCall call, string bucketName, string key)
    {
        var (sourceBucket, sourceKey, sourceVersion) = ParseSource(call.Headers["x-amz-copy-source"]);
        call.Resources.Insert(0, ("AWS::S3::Object", $"arn:{call.State.Partition.Name}:s3:::{sourceBucket}/{sourceKey}"));
        ((JsonObject)call.RequestParameters!)["x-amz-copy-source"] = call.Headers["x-amz-copy-source"].TrimStart('/');
        S3Service.Authorize(call, sourceVersion is null ? "s3:GetObject" : "s3:GetObjectVersion", sourceBucket, sourceKey);
        S3Service.Authorize(call, "s3:PutObject", bucketName, key);
        lock (call.State.Gate)
        {
            var from = S3Service.Bucket(call, sourceBucket);
            var to = S3Service.Bucket(call, bucketName);
            var source = Find(from, sourceKey, sourceVersion);
            var replace = string.Equals(call.Headers.GetValueOrDefault("x-amz-metadata-directive"), "REPLACE", StringComparison.OrdinalIgnoreCase);
            if (from == to && sourceKey == key && sourceVersion is null && !replace)
            {
                throw new AwsServiceException("InvalidRequest", "This copy request is illegal because it is trying to copy an object to itself without changing the object's metadata, storage class, website redirect location or encryption attributes.");
            }

            var contentType = replace ? call.Headers.GetValueOrDefault("content-type") : source.ContentType;
            var versionId = to.Versioning ? call.State.Ids.Alnum(32) : "null";
            if (!to.Versioning)
            {
                to.Versions.RemoveAll(v => v.Key == key);
            }

            to.Versions.Add(new S3ObjectVersion(key, versionId, source.Data, source.ETag, call.Time, contentType));
            var headers = new Dictionary<string, string>();
            if (to.Versioning)
            {
                headers["x-amz-version-id"] = versionId;
            }

            if (from.Versioning)
            {
                headers["x-amz-copy-source-version-id"] = source.VersionId;
            }

            return new ServiceResult
            {
                Headers = headers,
                XmlRoot = E("CopyObjectResult", E("ETag", source.ETag), E("LastModified", TimeMillis(call.Time))),
            };
        }
    }

    private static S3ObjectVersion Find(S3Bucket bucket, string key, string? versionId)
    {
        if (versionId is null)
        {
            return bucket.Current(key) ?? throw new AwsServiceException("NoSuchKey", "The specified key does not exist.", 404);
        }

        var version = bucket.Versions.FirstOrDefault(v => v.Key == key && v.VersionId == versionId)
            ?? throw new AwsServiceException("NoSuchVersion", "The specified version does not exist.", 404);
        return version.IsDeleteMarker
            ? throw new AwsServiceException("InvalidRequest", "The source of a copy request may not specifically refer to a delete marker by version id.")
            : version;
    }

    /// <summary>The header is "[/]bucket/key" URL-encoded, with an optional "?versionId=" that is not part of the key.</summary>
    private static (string Bucket, string Key, string? VersionId) ParseSource(string header)
    {
        string? versionId = null;
        var question = header.IndexOf('?', StringComparison.Ordinal);
        var path = question < 0 ? header : header[..question];
        if (question >= 0)
        {
            foreach (var pair in header[(question + 1)..].Split('&'))
            {
                if (pair.StartsWith("versionId=", StringComparison.Ordinal))
                {
                    versionId = Uri.UnescapeDataString(pair["versionId=".Length..]);
                }
            }
        }

        var slash = path.TrimStart('/').IndexOf('/', StringComparison.Ordinal);
        var trimmed = path.TrimStart('/');
        if (slash <= 0 || slash == trimmed.Length - 1)
        {
            throw new AwsServiceException("InvalidArgument", "Copy Source must mention the source bucket and key: sourcebucket/sourcekey");
        }

        return (Uri.UnescapeDataString(trimmed[..slash]), Uri.UnescapeDataString(trimmed[(slash + 1)..]), versionId);
    }
}

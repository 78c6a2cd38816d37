using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using CredIr.Sandbox.Hosting;
using CredIr.Sandbox.Model;
using CredIr.Sandbox.Protocols;
using static CredIr.Sandbox.Protocols.X;

namespace CredIr.Sandbox.Services.S3;

/// <summary>S3 over REST-XML, path-style: buckets, objects, versions. Object reads and writes are data events.</summary>
internal sealed class S3Service : ISandboxService
{
    public ServiceModel Descriptor => ServiceModel.S3;

    public string? Resolve(RequestLine line)
    {
        var q = line.Query;
        return (line.Method, line.Segments.Count) switch
        {
            ("GET", 0) => "ListBuckets",
            ("PUT", 1) when q.ContainsKey("versioning") => "PutBucketVersioning",
            ("PUT", 1) when q.ContainsKey("policy") => "PutBucketPolicy",
            ("GET", 1) when q.ContainsKey("policy") => "GetBucketPolicy",
            ("DELETE", 1) when q.ContainsKey("policy") => "DeleteBucketPolicy",
            ("PUT", 1) when q.ContainsKey("tagging") => "PutBucketTagging",
            ("GET", 1) when q.ContainsKey("tagging") => "GetBucketTagging",
            ("DELETE", 1) when q.ContainsKey("tagging") => "DeleteBucketTagging",
            ("PUT", 1) => "CreateBucket",
            ("DELETE", 1) => "DeleteBucket",
            ("GET", 1) when q.ContainsKey("versioning") => "GetBucketVersioning",
            ("GET", 1) when q.ContainsKey("versions") => "ListObjectVersions",
            ("GET", 1) when q.ContainsKey("location") => "GetBucketLocation",
            ("GET", 1) => "ListObjects",
            ("HEAD", 1) => "HeadBucket",
            ("PUT", 2) when line.CopySource => "CopyObject",
            ("PUT", 2) => "PutObject",
            ("GET", 2) => "GetObject",
            ("HEAD", 2) => "HeadObject",
            ("DELETE", 2) => "DeleteObject",
            _ => null,
        };
    }

    public ServiceResult Handle(SandboxCall call)
    {
        var bucketName = call.Segments.Count > 0 ? call.Segments[0] : null;
        var key = call.Segments.Count > 1 ? Uri.UnescapeDataString(call.Segments[1]) : null;
        var parameters = new JsonObject();
        if (bucketName is not null)
        {
            parameters["bucketName"] = bucketName;
        }

        parameters["Host"] = call.Headers.GetValueOrDefault("host");
        if (key is not null)
        {
            parameters["key"] = key;
            call.Resources.Add(("AWS::S3::Object", $"arn:{call.State.Partition.Name}:s3:::{bucketName}/{key}"));
        }

        if (bucketName is not null)
        {
            call.Resources.Add(("AWS::S3::Bucket", $"arn:{call.State.Partition.Name}:s3:::{bucketName}"));
        }

        call.RequestParameters = parameters;
        call.DataEvent = key is not null || call.Operation == "ListObjects";
        // GetBucketLocation answers from any region: it is how a client learns where a bucket is.
        if (bucketName is not null && call.Operation is not ("CreateBucket" or "GetBucketLocation"))
        {
            RequireBucketRegion(call, bucketName);
        }

        return call.Operation switch
        {
            "ListBuckets" => ListBuckets(call),
            "CreateBucket" => CreateBucket(call, bucketName!),
            "DeleteBucket" => DeleteBucket(call, bucketName!),
            "HeadBucket" => Authorized(call, "s3:ListBucket", bucketName!, b => new ServiceResult()),
            "GetBucketLocation" => Authorized(call, "s3:GetBucketLocation", bucketName!, b => new ServiceResult { XmlRoot = E("LocationConstraint", b.Region == "us-east-1" ? null : b.Region) }),
            "GetBucketVersioning" => Authorized(call, "s3:GetBucketVersioning", bucketName!, b => new ServiceResult { XmlRoot = E("VersioningConfiguration", b.Versioning ? E("Status", "Enabled") : null) }),
            "PutBucketVersioning" => Authorized(call, "s3:PutBucketVersioning", bucketName!, b =>
            {
                b.Versioning = Encoding.UTF8.GetString(call.Body).Contains("<Status>Enabled</Status>", StringComparison.Ordinal);
                return new ServiceResult();
            }),
            "ListObjects" => Authorized(call, "s3:ListBucket", bucketName!, b => S3Listing.Objects(call, b)),
            "ListObjectVersions" => Authorized(call, "s3:ListBucketVersions", bucketName!, b => S3Listing.Versions(call, b)),
            "CopyObject" => S3Copy.Handle(call, bucketName!, key!),
            "PutBucketPolicy" or "GetBucketPolicy" or "DeleteBucketPolicy" => S3BucketPolicy.Handle(call, bucketName!),
            "PutBucketTagging" or "GetBucketTagging" or "DeleteBucketTagging" => S3BucketTagging.Handle(call, bucketName!),
            "PutObject" => Authorized(call, "s3:PutObject", bucketName!, b => PutObject(call, b, key!), key),
            "GetObject" or "HeadObject" => Authorized(call, call.QueryString.ContainsKey("versionId") ? "s3:GetObjectVersion" : "s3:GetObject", bucketName!, b => GetObject(call, b, key!), key),
            _ => Authorized(call, call.QueryString.ContainsKey("versionId") ? "s3:DeleteObjectVersion" : "s3:DeleteObject", bucketName!, b => DeleteObject(call, b, key!), key),
        };
    }

    /// <summary>
    /// A request signed for another region than its bucket's is refused as S3 refuses it (400
    /// AuthorizationHeaderMalformed, the bucket's region in x-amz-bucket-region and the body), before it is
    /// authenticated, so CloudTrail does not record it: the SDKs then sign again for the bucket's region.
    /// </summary>
    private static void RequireBucketRegion(SandboxCall call, string bucketName)
    {
        string? region;
        lock (call.State.Gate)
        {
            region = call.State.Accounts.Select(a => a.Buckets.GetValueOrDefault(bucketName)).FirstOrDefault(b => b is not null)?.Region;
        }

        if (region is not null && !string.Equals(region, call.Region, StringComparison.Ordinal))
        {
            throw new AwsServiceException("AuthorizationHeaderMalformed", $"The authorization header is malformed; the region '{call.Region}' is wrong; expecting '{region}'")
            {
                Recorded = false,
                BucketRegion = region,
            };
        }
    }

    internal static ServiceResult Authorized(SandboxCall call, string action, string bucketName, Func<S3Bucket, ServiceResult> then, string? key = null)
    {
        Authorize(call, action, bucketName, key);
        lock (call.State.Gate)
        {
            return then(Bucket(call, bucketName));
        }
    }

    /// <summary>
    /// Asks the evaluator with the bucket's policy and owner: another account gets in only through the bucket policy,
    /// and the policy's Deny binds the owner's principals too (how eradication isolates a bucket).
    /// </summary>
    internal static void Authorize(SandboxCall call, string action, string bucketName, string? key)
    {
        var resource = key is null ? $"arn:{call.State.Partition.Name}:s3:::{bucketName}" : $"arn:{call.State.Partition.Name}:s3:::{bucketName}/{key}";
        (string Owner, string? Policy)? found;
        lock (call.State.Gate)
        {
            found = call.State.Accounts.FirstOrDefault(a => a.Buckets.ContainsKey(bucketName)) is { } owner
                ? (owner.Id, owner.Buckets[bucketName].Policy)
                : null;
        }

        if (found is { } bucket)
        {
            call.Authorize(action, resource, bucket.Policy, bucket.Owner);
        }
        else
        {
            call.Authorize(action, resource);
        }
    }

    /// <summary>The named bucket in whichever account owns it; callers have authorized the access first.</summary>
    internal static S3Bucket Bucket(SandboxCall call, string name)
    {
        foreach (var account in call.State.Accounts)
        {
            if (account.Buckets.TryGetValue(name, out var bucket))
            {
                return bucket;
            }
        }

        throw new AwsServiceException("NoSuchBucket", "The specified bucket does not exist", 404);
    }

    private static ServiceResult ListBuckets(SandboxCall call)
    {
        call.Authorize("s3:ListAllMyBuckets", "*");
        lock (call.State.Gate)
        {
            var buckets = call.Account.Buckets.Values.OrderBy(b => b.Name, StringComparer.Ordinal);
            return new ServiceResult
            {
                XmlRoot = E("ListAllMyBucketsResult",
                    E("Owner", E("ID", call.Account.Id.PadLeft(64, '0')), E("DisplayName", call.Account.Name)),
                    E("Buckets", buckets.Select(b => E("Bucket", E("Name", b.Name), E("CreationDate", TimeMillis(b.Created)))))),
            };
        }
    }

    private static ServiceResult CreateBucket(SandboxCall call, string name)
    {
        call.Authorize("s3:CreateBucket", $"arn:{call.State.Partition.Name}:s3:::{name}");
        lock (call.State.Gate)
        {
            var owner = call.State.Accounts.FirstOrDefault(a => a.Buckets.ContainsKey(name));
            if (owner is not null)
            {
                throw owner == call.Account
                    ? new AwsServiceException("BucketAlreadyOwnedByYou", "Your previous request to create the named bucket succeeded and you already own it.", 409)
                    : new AwsServiceException("BucketAlreadyExists", "The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.", 409);
            }

            call.Account.Buckets[name] = new S3Bucket(name, call.Region, call.Time);
            return new ServiceResult { Headers = new Dictionary<string, string> { ["Location"] = "/" + name } };
        }
    }

    private static ServiceResult DeleteBucket(SandboxCall call, string name)
    {
        Authorize(call, "s3:DeleteBucket", name, null);
        lock (call.State.Gate)
        {
            var bucket = Bucket(call, name);
            if (!call.Account.Buckets.ContainsKey(name))
            {
                throw new AwsServiceException("AccessDenied", "Access Denied", 403);
            }

            if (bucket.Versions.Any(v => !v.IsDeleteMarker && bucket.Current(v.Key) is not null) || (bucket.Versioning && bucket.Versions.Count > 0))
            {
                throw new AwsServiceException("BucketNotEmpty", "The bucket you tried to delete is not empty", 409);
            }

            call.Account.Buckets.Remove(name);
            return new ServiceResult { Status = 204 };
        }
    }

    private static ServiceResult PutObject(SandboxCall call, S3Bucket bucket, string key)
    {
        var etag = S3ETag.Of(call.Body);
        var versionId = bucket.Versioning ? call.State.Ids.Alnum(32) : "null";
        if (!bucket.Versioning)
        {
            bucket.Versions.RemoveAll(v => v.Key == key);
        }

        bucket.Versions.Add(new S3ObjectVersion(key, versionId, call.Body, etag, call.Time, call.Headers.GetValueOrDefault("content-type")));
        var headers = new Dictionary<string, string> { ["ETag"] = etag };
        if (bucket.Versioning)
        {
            headers["x-amz-version-id"] = versionId;
        }

        return new ServiceResult { Headers = headers };
    }

    private static ServiceResult GetObject(SandboxCall call, S3Bucket bucket, string key)
    {
        var versionId = call.QueryString.GetValueOrDefault("versionId");
        var version = versionId is null ? bucket.Current(key) : bucket.Versions.FirstOrDefault(v => v.Key == key && v.VersionId == versionId);
        if (version?.Data is null)
        {
            throw versionId is null
                ? new AwsServiceException("NoSuchKey", "The specified key does not exist.", 404)
                : new AwsServiceException("NoSuchVersion", "The specified version does not exist.", 404);
        }

        var headers = new Dictionary<string, string>
        {
            ["ETag"] = version.ETag,
            ["Last-Modified"] = version.Modified.UtcDateTime.ToString("R", CultureInfo.InvariantCulture),
        };
        if (bucket.Versioning)
        {
            headers["x-amz-version-id"] = version.VersionId;
        }

        var head = call.Operation == "HeadObject";
        if (head)
        {
            headers["Content-Length"] = version.Data.Length.ToString(CultureInfo.InvariantCulture);
        }

        return new ServiceResult { Raw = head ? null : version.Data, ContentType = version.ContentType, Headers = headers };
    }

    private static ServiceResult DeleteObject(SandboxCall call, S3Bucket bucket, string key)
    {
        var headers = new Dictionary<string, string>();
        if (call.QueryString.GetValueOrDefault("versionId") is { } versionId)
        {
            // Deleting a version is permanent; deleting the delete marker brings the object back.
            var version = bucket.Versions.FirstOrDefault(v => v.Key == key && v.VersionId == versionId);
            if (version is not null)
            {
                bucket.Versions.Remove(version);
                headers["x-amz-version-id"] = versionId;
                if (version.IsDeleteMarker)
                {
                    headers["x-amz-delete-marker"] = "true";
                }
            }
        }
        else if (bucket.Versioning)
        {
            var marker = call.State.Ids.Alnum(32);
            bucket.Versions.Add(new S3ObjectVersion(key, marker, null, "", call.Time, null));
            headers["x-amz-delete-marker"] = "true";
            headers["x-amz-version-id"] = marker;
        }
        else
        {
            bucket.Versions.RemoveAll(v => v.Key == key);
        }

        return new ServiceResult { Status = 204, Headers = headers };
    }

    internal static XElement Owner(SandboxCall call) => E("Owner", E("ID", call.Account.Id.PadLeft(64, '0')), E("DisplayName", call.Account.Name));
}

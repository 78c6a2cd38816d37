using System.Runtime.CompilerServices;
using System.Text;
using System.Xml.Linq;
using Amazon.Runtime;

namespace CredIr.Aws;

/// <summary>
/// Amazon S3 (REST-XML). Buckets are addressed virtual-hosted style on AWS and path style when
/// the endpoint is overridden (an emulator) or the name is not DNS-safe. A bucket in another region than
/// the client's is followed as the AWS SDKs follow it: S3's answer names the bucket's region, the request is
/// signed again for it (at that region's endpoint), and the bucket's later requests go there at once. Thread-safe.
/// </summary>
public sealed partial class S3Client
{
    private const string S3Namespace = "http://s3.amazonaws.com/doc/2006-03-01/";
    private readonly AwsChannel _channel;
    private readonly AWSCredentials _credentials;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, AwsChannel> _bucketChannels = new(StringComparer.Ordinal);

    /// <summary>Creates the client.</summary>
    public S3Client(AwsRuntime runtime, AWSCredentials credentials, string region, string? accountId = null)
    {
        _credentials = credentials;
        _channel = new AwsChannel(runtime, AwsServiceInfo.S3, credentials, region, accountId);
    }

    /// <summary>Sends a request through its bucket's region: the client's, or the one S3 named for the bucket.</summary>
    private async Task<AwsHttpResponse> SendAsync(AwsHttpRequest request, CancellationToken cancellationToken)
    {
        var bucket = request.PathResources.TryGetValue("{Bucket}", out var named) ? named : request.HostPrefix?.TrimEnd('.');
        var channel = bucket is not null && _bucketChannels.TryGetValue(bucket, out var known) ? known : _channel;
        try
        {
            return await channel.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (AwsServiceException error) when (bucket is not null && error.BucketRegion is { } region && !string.Equals(region, channel.Region, StringComparison.Ordinal))
        {
            AwsLog.BucketRegionFollowed(_channel.Runtime.Logger, bucket, region, channel.Region, request.Operation);
            var regional = _bucketChannels.GetOrAdd(bucket, static (_, s) => new AwsChannel(s.Client._channel.Runtime, AwsServiceInfo.S3, s.Client._credentials, s.Region, s.Client._channel.AccountId), (Client: this, Region: region));
            return await regional.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The caller's buckets.</summary>
    public async Task<ListBucketsResponse> ListBucketsAsync(CancellationToken cancellationToken = default)
    {
        var response = await SendAsync(new AwsHttpRequest("ListBuckets", HttpMethod.Get) { UseDoubleEncoding = false }, cancellationToken).ConfigureAwait(false);
        var root = Xml.Load(response);
        var buckets = (root.Child("Buckets")?.Children("Bucket") ?? []).Select(static b => new S3Bucket(b.Required("Name"), b.Time("CreationDate"))).ToList();
        return new ListBucketsResponse(buckets, root.Child("Owner")?.Str("ID"), response.RequestId);
    }

    /// <summary>Creates a bucket in the client's region.</summary>
    public async Task<AwsResult> CreateBucketAsync(CreateBucketRequest request, CancellationToken cancellationToken = default)
    {
        var http = Bucket("CreateBucket", HttpMethod.Put, request.Bucket);
        if (!string.Equals(_channel.Region, "us-east-1", StringComparison.Ordinal))
        {
            var config = new XElement(XName.Get("CreateBucketConfiguration", S3Namespace), new XElement(XName.Get("LocationConstraint", S3Namespace), _channel.Region));
            SetXmlBody(http, config);
        }

        var response = await SendAsync(http, cancellationToken).ConfigureAwait(false);
        return new AwsResult(response.RequestId);
    }

    /// <summary>Deletes an empty bucket.</summary>
    public async Task<AwsResult> DeleteBucketAsync(DeleteBucketRequest request, CancellationToken cancellationToken = default)
    {
        var response = await SendAsync(Bucket("DeleteBucket", HttpMethod.Delete, request.Bucket), cancellationToken).ConfigureAwait(false);
        return new AwsResult(response.RequestId);
    }

    /// <summary>Every object matching the request, following continuation tokens.</summary>
    public async IAsyncEnumerable<S3Object> ListObjectsV2Async(ListObjectsV2Request request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? token = null;
        do
        {
            var http = Bucket("ListObjectsV2", HttpMethod.Get, request.Bucket);
            http.Query["list-type"] = "2";
            AddQuery(http, "prefix", request.Prefix);
            AddQuery(http, "delimiter", request.Delimiter);
            AddQuery(http, "max-keys", request.MaxKeys?.ToString(System.Globalization.CultureInfo.InvariantCulture));
            AddQuery(http, "continuation-token", token);
            var root = Xml.Load(await SendAsync(http, cancellationToken).ConfigureAwait(false));
            foreach (var o in root.Children("Contents"))
            {
                yield return new S3Object(o.Required("Key"), o.Long("Size") ?? 0, o.Time("LastModified"), o.Str("ETag"), o.Str("StorageClass"));
            }

            token = root.Bool("IsTruncated") ? root.Str("NextContinuationToken") : null;
        }
        while (!string.IsNullOrEmpty(token));
    }

    /// <summary>The "folders" one level under a prefix: the CommonPrefixes of a listing with a delimiter (default "/").</summary>
    public async IAsyncEnumerable<string> ListCommonPrefixesAsync(ListObjectsV2Request request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? token = null;
        do
        {
            var http = Bucket("ListObjectsV2", HttpMethod.Get, request.Bucket);
            http.Query["list-type"] = "2";
            AddQuery(http, "prefix", request.Prefix);
            AddQuery(http, "delimiter", request.Delimiter ?? "/");
            AddQuery(http, "max-keys", request.MaxKeys?.ToString(System.Globalization.CultureInfo.InvariantCulture));
            AddQuery(http, "continuation-token", token);
            var root = Xml.Load(await SendAsync(http, cancellationToken).ConfigureAwait(false));
            foreach (var common in root.Children("CommonPrefixes"))
            {
                yield return common.Required("Prefix");
            }

            token = root.Bool("IsTruncated") ? root.Str("NextContinuationToken") : null;
        }
        while (!string.IsNullOrEmpty(token));
    }

    /// <summary>Every version and delete marker, in the order S3 lists them (by key, newest first).</summary>
    public async IAsyncEnumerable<S3ObjectVersion> ListObjectVersionsAsync(ListObjectVersionsRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        string? keyMarker = null, versionMarker = null;
        bool truncated;
        do
        {
            var http = Bucket("ListObjectVersions", HttpMethod.Get, request.Bucket);
            http.Query["versions"] = string.Empty;
            AddQuery(http, "prefix", request.Prefix);
            AddQuery(http, "max-keys", request.MaxKeys?.ToString(System.Globalization.CultureInfo.InvariantCulture));
            AddQuery(http, "key-marker", keyMarker);
            AddQuery(http, "version-id-marker", versionMarker);
            var root = Xml.Load(await SendAsync(http, cancellationToken).ConfigureAwait(false));
            foreach (var v in root.Elements().Where(static e => e.Name.LocalName is "Version" or "DeleteMarker"))
            {
                yield return new S3ObjectVersion(
                    v.Required("Key"), v.Str("VersionId") ?? "null", v.Bool("IsLatest"), v.Name.LocalName == "DeleteMarker",
                    v.Time("LastModified"), v.Long("Size") ?? 0, v.Str("ETag"));
            }

            truncated = root.Bool("IsTruncated");
            keyMarker = root.Str("NextKeyMarker");
            versionMarker = root.Str("NextVersionIdMarker");
        }
        while (truncated && keyMarker is not null);
    }

    /// <summary>Whether a bucket keeps versions.</summary>
    public async Task<GetBucketVersioningResponse> GetBucketVersioningAsync(GetBucketVersioningRequest request, CancellationToken cancellationToken = default)
    {
        var http = Bucket("GetBucketVersioning", HttpMethod.Get, request.Bucket);
        http.Query["versioning"] = string.Empty;
        var response = await SendAsync(http, cancellationToken).ConfigureAwait(false);
        var root = Xml.Load(response);
        return new GetBucketVersioningResponse(root.Str("Status"), root.Str("MfaDelete"), response.RequestId);
    }

    /// <summary>Turns versioning on or pauses it.</summary>
    public async Task<AwsResult> PutBucketVersioningAsync(PutBucketVersioningRequest request, CancellationToken cancellationToken = default)
    {
        var http = Bucket("PutBucketVersioning", HttpMethod.Put, request.Bucket);
        http.Query["versioning"] = string.Empty;
        SetXmlBody(http, new XElement(XName.Get("VersioningConfiguration", S3Namespace), new XElement(XName.Get("Status", S3Namespace), request.Status)));
        var response = await SendAsync(http, cancellationToken).ConfigureAwait(false);
        return new AwsResult(response.RequestId);
    }

    private AwsHttpRequest Bucket(string operation, HttpMethod method, string bucket)
    {
        var request = new AwsHttpRequest(operation, method) { UseDoubleEncoding = false };
        if (UsePathStyle(bucket))
        {
            request.ResourcePath = "/{Bucket}";
            request.PathResources["{Bucket}"] = bucket;
        }
        else
        {
            request.HostPrefix = bucket + ".";
        }

        return request;
    }

    private AwsHttpRequest Object(string operation, HttpMethod method, string bucket, string key)
    {
        var request = Bucket(operation, method, bucket);
        request.ResourcePath = (request.HostPrefix is null ? "/{Bucket}/" : "/") + "{Key+}";
        request.PathResources["{Key+}"] = key;
        return request;
    }

    // Virtual-hosted addressing needs a DNS-safe name and AWS's own host names (TLS certificates do not cover dotted names).
    private bool UsePathStyle(string bucket) =>
        _channel.Endpoint.IsOverridden
        || bucket.Contains('.', StringComparison.Ordinal)
        || !bucket.All(static c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-');

    private static void AddQuery(AwsHttpRequest request, string name, string? value)
    {
        if (value is not null)
        {
            request.Query[name] = value;
        }
    }

    private static void SetXmlBody(AwsHttpRequest request, XElement element)
    {
        request.Body = Encoding.UTF8.GetBytes(element.ToString(SaveOptions.DisableFormatting));
        request.ContentType = "application/xml";
    }
}

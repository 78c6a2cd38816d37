using System.Net;

namespace CredIr.Aws;

/// <summary>Object operations.</summary>
public sealed partial class S3Client
{
    private const string MetadataPrefix = "x-amz-meta-";

    /// <summary>An object's metadata (HEAD; the content is not read). Missing objects fail with code NotFound.</summary>
    public async Task<GetObjectMetadataResponse> GetObjectMetadataAsync(GetObjectMetadataRequest request, CancellationToken cancellationToken = default)
    {
        var http = Object("HeadObject", HttpMethod.Head, request.Bucket, request.Key);
        AddQuery(http, "versionId", request.VersionId);
        var response = await SendAsync(http, cancellationToken).ConfigureAwait(false);
        var metadata = response.Headers
            .Where(static h => h.Key.StartsWith(MetadataPrefix, StringComparison.OrdinalIgnoreCase))
            .ToDictionary(static h => h.Key[MetadataPrefix.Length..], static h => h.Value, StringComparer.OrdinalIgnoreCase);
        return new GetObjectMetadataResponse(
            long.TryParse(response.Header("Content-Length"), out var length) ? length : 0,
            response.Header("Content-Type"),
            response.Header("ETag"),
            Xml.ParseTime(response.Header("Last-Modified")),
            response.Header("x-amz-version-id"),
            metadata,
            response.RequestId);
    }

    /// <summary>Reads an object (missing objects fail with code NoSuchKey).</summary>
    public async Task<GetObjectResponse> GetObjectAsync(GetObjectRequest request, CancellationToken cancellationToken = default)
    {
        var response = await SendAsync(Object("GetObject", HttpMethod.Get, request.Bucket, request.Key), cancellationToken).ConfigureAwait(false);
        return new GetObjectResponse(response.Body, response.Header("Content-Type"), response.Header("ETag"), response.RequestId);
    }

    /// <summary>Stores an object.</summary>
    public async Task<PutObjectResponse> PutObjectAsync(PutObjectRequest request, CancellationToken cancellationToken = default)
    {
        var http = Object("PutObject", HttpMethod.Put, request.Bucket, request.Key);
        http.Body = request.Body.ToArray();
        http.ContentType = request.ContentType ?? "application/octet-stream";
        var response = await SendAsync(http, cancellationToken).ConfigureAwait(false);
        return new PutObjectResponse(response.Header("ETag"), response.Header("x-amz-version-id"), response.RequestId);
    }

    /// <summary>Deletes an object (a delete marker in a versioned bucket) or one version of it.</summary>
    public async Task<DeleteObjectResponse> DeleteObjectAsync(DeleteObjectRequest request, CancellationToken cancellationToken = default)
    {
        var http = Object("DeleteObject", HttpMethod.Delete, request.Bucket, request.Key);
        AddQuery(http, "versionId", request.VersionId);
        var response = await SendAsync(http, cancellationToken).ConfigureAwait(false);
        return new DeleteObjectResponse(
            string.Equals(response.Header("x-amz-delete-marker"), "true", StringComparison.OrdinalIgnoreCase),
            response.Header("x-amz-version-id"),
            response.RequestId);
    }

    /// <summary>Copies an object; with SourceVersionId, restores an older version as the newest.</summary>
    public async Task<CopyObjectResponse> CopyObjectAsync(CopyObjectRequest request, CancellationToken cancellationToken = default)
    {
        var http = Object("CopyObject", HttpMethod.Put, request.Bucket, request.Key);
        var source = "/" + request.SourceBucket + "/" + string.Join('/', request.SourceKey.Split('/').Select(Uri.EscapeDataString));
        if (request.SourceVersionId is not null)
        {
            source += "?versionId=" + Uri.EscapeDataString(request.SourceVersionId);
        }

        http.Headers["x-amz-copy-source"] = source;
        var response = await SendAsync(http, cancellationToken).ConfigureAwait(false);
        var root = Xml.Load(response);

        // S3 can answer a copy with 200 and an <Error> body when it fails after it started.
        if (root.Name.LocalName == "Error")
        {
            throw new AwsServiceException("s3", "CopyObject", HttpStatusCode.InternalServerError,
                root.Str("Code") ?? "InternalError", root.Str("Message") ?? string.Empty, root.Str("RequestId") ?? response.RequestId);
        }

        return new CopyObjectResponse(root.Str("ETag"), response.Header("x-amz-version-id"), root.Time("LastModified"), response.RequestId);
    }
}

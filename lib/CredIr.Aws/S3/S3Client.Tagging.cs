using System.Security.Cryptography;
using System.Xml.Linq;

namespace CredIr.Aws;

/// <summary>Bucket tags.</summary>
public sealed partial class S3Client
{
    /// <summary>A bucket's tags (fails with NoSuchTagSet when it has none).</summary>
    public async Task<GetBucketTaggingResponse> GetBucketTaggingAsync(GetBucketTaggingRequest request, CancellationToken cancellationToken = default)
    {
        var http = Bucket("GetBucketTagging", HttpMethod.Get, request.Bucket);
        http.Query["tagging"] = string.Empty;
        var response = await SendAsync(http, cancellationToken).ConfigureAwait(false);
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in Xml.Load(response).Child("TagSet")?.Children("Tag") ?? [])
        {
            tags[tag.Required("Key")] = tag.Str("Value") ?? string.Empty;
        }

        return new GetBucketTaggingResponse(tags, response.RequestId);
    }

    /// <summary>Replaces a bucket's tag set.</summary>
    public async Task<AwsResult> PutBucketTaggingAsync(PutBucketTaggingRequest request, CancellationToken cancellationToken = default)
    {
        var http = Bucket("PutBucketTagging", HttpMethod.Put, request.Bucket);
        http.Query["tagging"] = string.Empty;
        var set = new XElement(XName.Get("TagSet", S3Namespace), request.Tags.Select(static t =>
            new XElement(XName.Get("Tag", S3Namespace), new XElement(XName.Get("Key", S3Namespace), t.Key), new XElement(XName.Get("Value", S3Namespace), t.Value))));
        SetXmlBody(http, new XElement(XName.Get("Tagging", S3Namespace), set));
        // PutBucketTagging is one of the S3 operations that require a checksum of the body; S3 takes SHA-256 in place of Content-MD5.
        http.Headers["x-amz-sdk-checksum-algorithm"] = "SHA256";
        http.Headers["x-amz-checksum-sha256"] = Convert.ToBase64String(SHA256.HashData(http.Body!));
        var response = await SendAsync(http, cancellationToken).ConfigureAwait(false);
        return new AwsResult(response.RequestId);
    }
}

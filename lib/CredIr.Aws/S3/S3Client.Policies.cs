using System.Text;

namespace CredIr.Aws;

/// <summary>Bucket policies and location.</summary>
public sealed partial class S3Client
{
    /// <summary>Replaces a bucket's policy.</summary>
    public async Task<AwsResult> PutBucketPolicyAsync(PutBucketPolicyRequest request, CancellationToken cancellationToken = default)
    {
        var http = Bucket("PutBucketPolicy", HttpMethod.Put, request.Bucket);
        http.Query["policy"] = string.Empty;
        http.Body = Encoding.UTF8.GetBytes(request.Policy);
        http.ContentType = "application/json";
        var response = await SendAsync(http, cancellationToken).ConfigureAwait(false);
        return new AwsResult(response.RequestId);
    }

    /// <summary>A bucket's policy (fails with NoSuchBucketPolicy when there is none).</summary>
    public async Task<GetBucketPolicyResponse> GetBucketPolicyAsync(GetBucketPolicyRequest request, CancellationToken cancellationToken = default)
    {
        var http = Bucket("GetBucketPolicy", HttpMethod.Get, request.Bucket);
        http.Query["policy"] = string.Empty;
        var response = await SendAsync(http, cancellationToken).ConfigureAwait(false);
        return new GetBucketPolicyResponse(Encoding.UTF8.GetString(response.Body), response.RequestId);
    }

    /// <summary>Removes a bucket's policy.</summary>
    public async Task<AwsResult> DeleteBucketPolicyAsync(DeleteBucketPolicyRequest request, CancellationToken cancellationToken = default)
    {
        var http = Bucket("DeleteBucketPolicy", HttpMethod.Delete, request.Bucket);
        http.Query["policy"] = string.Empty;
        var response = await SendAsync(http, cancellationToken).ConfigureAwait(false);
        return new AwsResult(response.RequestId);
    }

    /// <summary>The region a bucket lives in (works from any region's endpoint).</summary>
    public async Task<GetBucketLocationResponse> GetBucketLocationAsync(GetBucketLocationRequest request, CancellationToken cancellationToken = default)
    {
        var http = Bucket("GetBucketLocation", HttpMethod.Get, request.Bucket);
        http.Query["location"] = string.Empty;
        var response = await SendAsync(http, cancellationToken).ConfigureAwait(false);
        var location = Xml.Load(response).Value;
        // Buckets made before regions had names answer "EU" for eu-west-1.
        var region = location switch { "" => "us-east-1", "EU" => "eu-west-1", _ => location };
        return new GetBucketLocationResponse(region, response.RequestId);
    }
}

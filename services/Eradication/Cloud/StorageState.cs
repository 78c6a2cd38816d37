using CredIr.Aws;

namespace CredIr.Eradication.Cloud;

/// <summary>Reads of buckets shared by the state reader and the executor.</summary>
internal static class StorageState
{
    /// <summary>An S3 client in the bucket's own region (S3 refuses requests signed for another region).</summary>
    public static async Task<S3Client> BucketClientAsync(CloudSession cloud, string? accountId, string bucket, CancellationToken ct)
    {
        var scope = await cloud.ScopeAsync(accountId, null, ct);
        var location = await scope.S3.GetBucketLocationAsync(new GetBucketLocationRequest(bucket), ct);
        return scope.WithRegion(location.Region).S3;
    }

    /// <summary>Whether any object, version or delete marker remains (DeleteBucket refuses any of them with BucketNotEmpty).</summary>
    public static async Task<bool> HasObjectsAsync(S3Client s3, string bucket, CancellationToken ct)
    {
        await foreach (var _ in s3.ListObjectVersionsAsync(new ListObjectVersionsRequest(bucket, MaxKeys: 1), ct).WithCancellation(ct))
        {
            return true;
        }

        return false;
    }
}

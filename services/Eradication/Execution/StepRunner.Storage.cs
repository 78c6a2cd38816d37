using CredIr.Aws;
using CredIr.Eradication.Cloud;

namespace CredIr.Eradication.Execution;

internal sealed partial class StepRunner
{
    private void AddStorageActions()
    {
        _actions["s3:PutBucketPolicy(IsolateForForensics)"] = IsolateBucketAsync;
        _actions["s3:DeleteObjects(AllVersions)"] = EmptyBucketAsync;
        _actions["s3:DeleteBucket"] = DeleteBucketAsync;
        _actions["s3:DeleteObject"] = DeleteObjectAsync;
    }

    private static async Task<StepOutcome> IsolateBucketAsync(StepContext step, CancellationToken ct)
    {
        var bucket = step.Id;
        if (await BucketClientAsync(step, bucket, ct) is not { } s3)
        {
            return StepOutcome.AlreadyDone($"Bucket {bucket} no longer exists.", PriorState.Absent($"bucket/{bucket}"));
        }

        var responder = await step.Cloud.ResponderArnAsync(step.AccountId, ct);
        string? current;
        try
        {
            current = (await s3.GetBucketPolicyAsync(new GetBucketPolicyRequest(bucket), ct)).Policy;
        }
        catch (AwsServiceException e) when (e.Code == "NoSuchBucketPolicy")
        {
            current = null;
        }

        var prior = PriorState.Present($"bucket/{bucket} policy", ("policy", current));
        if (IsolationPolicy.IsIsolation(current, bucket, responder))
        {
            return StepOutcome.AlreadyDone($"Bucket {bucket} is already isolated (only {IsolationPolicy.PrincipalArn(responder)} may use it).", prior);
        }

        await s3.PutBucketPolicyAsync(new PutBucketPolicyRequest(bucket, IsolationPolicy.For(bucket, responder)), ct);
        return StepOutcome.Done($"Isolated bucket {bucket}: every S3 action is denied except to {IsolationPolicy.PrincipalArn(responder)}; its objects are kept for forensics.", prior);
    }

    private static async Task<StepOutcome> EmptyBucketAsync(StepContext step, CancellationToken ct)
    {
        var bucket = step.Id;
        var s3 = await BucketClientAsync(step, bucket, ct);
        var versions = s3 is null ? [] : await Read.OrEmptyAsync(() => Read.ListAsync(s3.ListObjectVersionsAsync(new ListObjectVersionsRequest(bucket), ct), ct));
        if (s3 is null || versions.Count == 0)
        {
            return StepOutcome.AlreadyDone($"Bucket {bucket} holds no objects.", PriorState.Absent($"bucket/{bucket} objects"));
        }

        foreach (var version in versions)
        {
            await s3.DeleteObjectAsync(new DeleteObjectRequest(bucket, version.Key, version.VersionId), ct);
        }

        var keys = versions.Select(static v => v.Key).Distinct(StringComparer.Ordinal).ToList();
        return StepOutcome.Done($"Deleted {versions.Count} object versions and delete markers ({keys.Count} keys) from bucket {bucket}.",
            PriorState.Present($"bucket/{bucket} objects", ("versions", versions.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("keys", string.Join('\n', keys.Take(1000)))));
    }

    private static async Task<StepOutcome> DeleteBucketAsync(StepContext step, CancellationToken ct)
    {
        var bucket = step.Id;
        if (await BucketClientAsync(step, bucket, ct) is not { } s3)
        {
            return StepOutcome.AlreadyDone($"Bucket {bucket} no longer exists.", PriorState.Absent($"bucket/{bucket}"));
        }

        await s3.DeleteBucketAsync(new DeleteBucketRequest(bucket), ct);
        return StepOutcome.Done($"Deleted bucket {bucket}.", PriorState.Present($"bucket/{bucket}"));
    }

    private static async Task<StepOutcome> DeleteObjectAsync(StepContext step, CancellationToken ct)
    {
        // arn:PARTITION:s3:::bucket/key in any partition.
        var path = Arn.TryParse(step.Arn, out var arn) && arn.Service == "s3" ? arn.Resource : step.Id;
        var slash = path.IndexOf('/', StringComparison.Ordinal);
        if (slash <= 0)
        {
            throw new StepInputException($"step {step.Step.StepId}: '{path}' does not name an object as bucket/key.");
        }

        var (bucket, key) = (path[..slash], path[(slash + 1)..]);
        var gone = StepOutcome.AlreadyDone($"Object {bucket}/{key} no longer exists.", PriorState.Absent($"object/{bucket}/{key}"));
        if (await BucketClientAsync(step, bucket, ct) is not { } s3)
        {
            return gone;
        }

        GetObjectMetadataResponse head;
        try
        {
            head = await s3.GetObjectMetadataAsync(new GetObjectMetadataRequest(bucket, key), ct);
        }
        catch (Exception e) when (AwsCodes.IsGone(e))
        {
            return gone;
        }

        await s3.DeleteObjectAsync(new DeleteObjectRequest(bucket, key), ct);
        return StepOutcome.Done($"Deleted object {bucket}/{key}.", PriorState.Present($"object/{bucket}/{key}", ("etag", head.ETag), ("versionId", head.VersionId), ("size", head.ContentLength.ToString(System.Globalization.CultureInfo.InvariantCulture))));
    }

    /// <summary>A client in the bucket's region, or null when the bucket no longer exists.</summary>
    private static async Task<S3Client?> BucketClientAsync(StepContext step, string bucket, CancellationToken ct)
    {
        try
        {
            return await StorageState.BucketClientAsync(step.Cloud, step.AccountId, bucket, ct);
        }
        catch (Exception e) when (AwsCodes.IsGone(e))
        {
            return null;
        }
    }
}

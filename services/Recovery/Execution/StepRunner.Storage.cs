using System.Text.Json.Nodes;
using CredIr.Aws;

namespace CredIr.Recovery.Execution;

internal sealed partial class StepRunner
{
    private static async Task<StepOutcome> RemoveDeleteMarkerAsync(S3Client s3, StepParameters p, CancellationToken cancellationToken)
    {
        var (bucket, key, marker) = (p.Required("bucket"), p.Required("key"), p.Required("markerVersionId"));
        var versions = await VersionsAsync(s3, bucket, key, cancellationToken).ConfigureAwait(false);
        var prior = new JsonObject { ["latestVersionId"] = versions.Find(v => v.IsLatest)?.VersionId }.ToJsonString();
        if (!versions.Exists(v => v.IsDeleteMarker && v.VersionId == marker))
        {
            return StepOutcome.Already($"the delete marker {marker} on s3://{bucket}/{key} is already gone", prior);
        }

        await s3.DeleteObjectAsync(new DeleteObjectRequest(bucket, key, marker), cancellationToken).ConfigureAwait(false);
        var restored = p.Optional("restoredVersionId");
        return StepOutcome.Done($"delete marker {marker} removed: s3://{bucket}/{key} is back{(restored is null ? "" : $" as version {restored}")}", prior);
    }

    private static async Task<StepOutcome> CopyVersionAsync(S3Client s3, StepParameters p, CancellationToken cancellationToken)
    {
        var (bucket, key, version) = (p.Required("bucket"), p.Required("key"), p.Required("versionId"));
        var versions = await VersionsAsync(s3, bucket, key, cancellationToken).ConfigureAwait(false);
        var latest = versions.Find(v => v.IsLatest);
        var prior = new JsonObject { ["latestVersionId"] = latest?.VersionId, ["latestETag"] = latest?.ETag }.ToJsonString();
        var etag = p.Optional("etag") ?? versions.Find(v => v.VersionId == version)?.ETag;
        if (latest is { IsDeleteMarker: false } && (latest.VersionId == version || (etag is not null && latest.ETag == etag)))
        {
            return StepOutcome.Already($"the current s3://{bucket}/{key} already has the content of version {version}", prior);
        }

        var copy = await s3.CopyObjectAsync(new CopyObjectRequest(bucket, key, bucket, key, version), cancellationToken).ConfigureAwait(false);
        return StepOutcome.Done($"version {version} copied over s3://{bucket}/{key} (new version {copy.VersionId ?? "unversioned"})", prior);
    }

    private static async Task<StepOutcome> CreateBucketAsync(S3Client s3, StepParameters p, CancellationToken cancellationToken)
    {
        var bucket = p.Required("bucket");
        try
        {
            await s3.GetBucketVersioningAsync(new GetBucketVersioningRequest(bucket), cancellationToken).ConfigureAwait(false);
            return StepOutcome.Already($"bucket {bucket} exists");
        }
        catch (AwsServiceException e) when (e.Code == "NoSuchBucket")
        {
            await s3.CreateBucketAsync(new CreateBucketRequest(bucket), cancellationToken).ConfigureAwait(false);
            return StepOutcome.Done($"bucket {bucket} created", """{"exists":false}""");
        }
    }

    private static async Task<StepOutcome> VersioningAsync(S3Client s3, StepParameters p, CancellationToken cancellationToken)
    {
        var (bucket, status) = (p.Required("bucket"), p.Required("status"));
        var current = (await s3.GetBucketVersioningAsync(new GetBucketVersioningRequest(bucket), cancellationToken).ConfigureAwait(false)).Status;
        if (current == status)
        {
            return StepOutcome.Already($"versioning of {bucket} is already {status}");
        }

        await s3.PutBucketVersioningAsync(new PutBucketVersioningRequest(bucket, status), cancellationToken).ConfigureAwait(false);
        return StepOutcome.Done($"versioning of {bucket} set to {status} (was {current ?? "never enabled"})");
    }

    private static async Task<StepOutcome> TerminateAsync(Ec2Client ec2, StepParameters p, CancellationToken cancellationToken)
    {
        var id = p.Required("instanceId");
        Ec2Instance? instance = null;
        await foreach (var found in ec2.DescribeInstancesAsync(new DescribeInstancesRequest(InstanceIds: [id]), cancellationToken).ConfigureAwait(false))
        {
            instance = found;
        }

        if (instance is null || instance.State is "terminated" or "shutting-down")
        {
            return StepOutcome.Already($"instance {id} is already {instance?.State ?? "gone"}");
        }

        var changes = (await ec2.TerminateInstancesAsync(new TerminateInstancesRequest([id]), cancellationToken).ConfigureAwait(false)).Instances;
        return StepOutcome.Done($"instance {id} {(changes is [var first, ..] ? first.CurrentState : null) ?? "terminating"}; its Auto Scaling group {p.Optional("group")} launches the replacement",
            new JsonObject { ["state"] = instance.State }.ToJsonString());
    }

    private static async Task<List<S3ObjectVersion>> VersionsAsync(S3Client s3, string bucket, string key, CancellationToken cancellationToken)
    {
        var versions = new List<S3ObjectVersion>();
        await foreach (var version in s3.ListObjectVersionsAsync(new ListObjectVersionsRequest(bucket, key), cancellationToken).ConfigureAwait(false))
        {
            if (version.Key == key)
            {
                versions.Add(version);
            }
        }

        return versions;
    }
}

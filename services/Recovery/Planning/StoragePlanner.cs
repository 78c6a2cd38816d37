using System.Text.Json.Nodes;
using CredIr.Aws;
using CredIr.Contracts.V1;
using CredIr.Recovery.Cloud;
using CredIr.Recovery.Cmdb;

namespace CredIr.Recovery.Planning;

/// <summary>
/// S3: an object the actor deleted or overwrote is restored from the version that was current before its first
/// change, when the bucket keeps versions; a deleted bucket is recreated from its CMDB record.
/// </summary>
internal sealed class StoragePlanner(IAccountClients clients)
{
    public async Task<StrategyChoices> ObjectAsync(ActorChange change, CmdbSnapshot cmdb, CancellationToken cancellationToken)
    {
        var choices = new StrategyChoices();
        var slash = change.Resource.Id.IndexOf('/', StringComparison.Ordinal);
        var (bucket, key) = (change.Resource.Id[..slash], change.Resource.Id[(slash + 1)..]);
        var s3 = (await clients.ForAccountAsync(change.Resource.AccountId, NullIfEmpty(change.Resource.Region), cancellationToken).ConfigureAwait(false)).S3;
        var versioning = (await s3.GetBucketVersioningAsync(new GetBucketVersioningRequest(bucket), cancellationToken).ConfigureAwait(false)).Status;
        var versions = new List<S3ObjectVersion>();
        if (versioning is not null)
        {
            await foreach (var version in s3.ListObjectVersionsAsync(new ListObjectVersionsRequest(bucket, key), cancellationToken).ConfigureAwait(false))
            {
                if (version.Key == key)
                {
                    versions.Add(version);
                }
            }
        }

        // CloudTrail times are whole seconds: a version made within the second of the actor's first call is the actor's.
        var firstChange = change.Events[0].Time;
        var cutoff = firstChange.AddTicks(-(firstChange.Ticks % TimeSpan.TicksPerSecond));
        var prior = versions.Where(v => !v.IsDeleteMarker && v.LastModified < cutoff).MaxBy(v => v.LastModified);
        if (prior is null)
        {
            var why = versioning is null
                ? $"bucket {bucket} does not keep versions (versioning was never enabled), so no earlier copy of {key} exists in S3"
                : $"bucket {bucket} holds no version of {key} older than the actor's first change at {firstChange:u}";
            if (change.Change == ResourceChange.Modified && versioning is not null)
            {
                // Written by the actor with nothing before it: a new object, eradication's to delete.
                return choices;
            }

            return choices.Missing(RecoveryStrategy.RestoreFromBackup, why).Offer(new StrategyOption(RecoveryStrategy.Manual, $"Nothing automated fits: {why}.", null,
                new StepBuilder(change.ItemId, change.Resource).Manual($"Restore s3://{bucket}/{key} by hand",
                    $"Find a copy in your own backups (AWS Backup, replication target, the application's export) from before {firstChange:u}.",
                    $"aws s3 cp <backup-copy> s3://{bucket}/{key}",
                    $"Turn on versioning so the next incident can be undone: aws s3api put-bucket-versioning --bucket {bucket} --versioning-configuration Status=Enabled").Steps));
        }

        var steps = new StepBuilder(change.ItemId, change.Resource);
        var newer = versions.Where(v => v.LastModified > prior.LastModified || (v.IsLatest && v.VersionId != prior.VersionId)).ToList();
        var onlyMarkers = newer.Count > 0 && newer.TrueForAll(v => v.IsDeleteMarker);
        if (onlyMarkers)
        {
            // Removing the delete markers makes the very version the actor hid current again (same version id, metadata and
            // ETag), without a copy; the CloudTrail record of the delete stays as the evidence.
            foreach (var marker in newer.OrderByDescending(v => v.LastModified))
            {
                steps.Add(RecoveryActions.RemoveDeleteMarker, $"Remove the delete marker {marker.VersionId} the actor put on s3://{bucket}/{key}, so version {prior.VersionId} is current again",
                    new JsonObject { ["bucket"] = bucket, ["key"] = key, ["markerVersionId"] = marker.VersionId, ["restoredVersionId"] = prior.VersionId });
            }
        }
        else
        {
            steps.Add(RecoveryActions.CopyObjectVersion, $"Copy version {prior.VersionId} of s3://{bucket}/{key} over the current one; the actor's versions stay for forensics",
                new JsonObject { ["bucket"] = bucket, ["key"] = key, ["versionId"] = prior.VersionId, ["etag"] = prior.ETag });
        }

        return choices.Offer(new StrategyOption(RecoveryStrategy.RestoreFromBackup,
            $"Restore from version {prior.VersionId} of s3://{bucket}/{key} ({prior.LastModified:u}, {prior.Size} bytes), the newest before the actor's {string.Join(", ", change.EventNames)} at {firstChange:u}; versioning is {versioning}.",
            prior.VersionId, steps.Steps));
    }

    public static StrategyChoices Bucket(ActorChange change, CmdbSnapshot cmdb)
    {
        var choices = new StrategyChoices();
        var bucket = change.Resource.Id;
        if (cmdb.Find(change.Resource.Arn) is not { } record)
        {
            var why = $"the CMDB has no record of {change.Resource.Arn}";
            return choices.Missing(RecoveryStrategy.RecreateFromCmdb, why).Offer(new StrategyOption(RecoveryStrategy.Manual, $"Nothing automated fits: {why}.", null,
                new StepBuilder(change.ItemId, change.Resource).Manual($"Recreate bucket {bucket} by hand",
                    $"aws s3api create-bucket --bucket {bucket} (with its region's --create-bucket-configuration)",
                    "Restore its policy, encryption, versioning, tags and objects from your infrastructure code and backups.").Steps));
        }

        var region = record.Text("region") ?? NullIfEmpty(change.Events[^1].Record.AwsRegion) ?? "us-east-1";
        var target = change.Resource.Clone();
        target.Region = region;
        var steps = new StepBuilder(change.ItemId, target)
            .Add(RecoveryActions.CreateBucket, $"Create bucket {bucket} in {region}", new JsonObject { ["bucket"] = bucket });
        if (string.Equals(record.Text("versioning"), "Enabled", StringComparison.OrdinalIgnoreCase))
        {
            steps.Add(RecoveryActions.PutBucketVersioning, $"Enable versioning on {bucket}", new JsonObject { ["bucket"] = bucket, ["status"] = "Enabled" });
        }

        steps.Manual($"Restore the contents and remaining settings of {bucket}",
            "The objects went with the bucket: copy them back from your replication target or backups.",
            "Re-apply the bucket policy, encryption, public access block and tags from your infrastructure code.");
        return choices.Offer(new StrategyOption(RecoveryStrategy.RecreateFromCmdb,
            $"Recreate the deleted bucket from the CMDB record of {change.Resource.Arn} (region {region}, versioning {record.Text("versioning") ?? "not recorded"}).",
            $"cmdb:{change.Resource.Arn}", steps.Steps));
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}

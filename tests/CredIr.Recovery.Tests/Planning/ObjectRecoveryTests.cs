using Grpc.Core;
using CredIr.Aws;
using CredIr.Contracts.V1;
using CredIr.Recovery.Tests.Support;

namespace CredIr.Recovery.Tests.Planning;

/// <summary>An object the actor overwrote, in a bucket the administrator made versioned, played through the sandbox.</summary>
public sealed class ObjectRecoveryTests : IAsyncLifetime
{
    private RecoveryHarness _h = null!;

    public async Task InitializeAsync() => _h = await RecoveryHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task OverwrittenObject_VersionedBucket_RestoreFromBackupCopiesThePriorVersion()
    {
        var admin = _h.Admin().S3;
        await admin.CreateBucketAsync(new CreateBucketRequest("acme-mgmt-archive"));
        await admin.PutBucketVersioningAsync(new PutBucketVersioningRequest("acme-mgmt-archive", "Enabled"));
        var good = await admin.PutObjectAsync(new PutObjectRequest("acme-mgmt-archive", "ledger.csv", "a,b\n1,2\n"u8.ToArray()));
        _h.Sandbox.Clock.Advance(TimeSpan.FromMinutes(5));
        await _h.Attacker().S3.PutObjectAsync(new PutObjectRequest("acme-mgmt-archive", "ledger.csv", "ransom\n"u8.ToArray()));
        await _h.Attacker().S3.PutObjectAsync(new PutObjectRequest("acme-mgmt-archive", "note.txt", "pay us\n"u8.ToArray()));

        var plan = await _h.PlanAsync(_h.ActorEvents(Org.LeakedKey));

        var item = Assert.Single(plan.Items);
        Assert.Equal("arn:aws:s3:::acme-mgmt-archive/ledger.csv", item.Resource.Arn);
        Assert.Equal((RecoveryStrategy.RestoreFromBackup, ResourceChange.Modified), (item.Strategy, item.Change));
        Assert.Equal(good.VersionId, item.BackupReference);
        var step = Assert.Single(item.Steps);
        Assert.Equal("s3:CopyObject(prior version)", step.Action);
        Assert.Contains(good.VersionId!, step.ParametersJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeletedObject_UnversionedBucket_ManualWithSteps_AndRestoreOverrideRefused()
    {
        await _h.Attacker().S3.DeleteObjectAsync(new DeleteObjectRequest("acme-mgmt-billing", "reports/2026-10.csv"));
        var events = _h.ActorEvents(Org.LeakedKey);

        var plan = await _h.PlanAsync(events);
        var refused = await Assert.ThrowsAsync<RpcException>(() => _h.PlanAsync(events,
            new Dictionary<string, RecoveryStrategy> { ["arn:aws:s3:::acme-mgmt-billing/reports/2026-10.csv"] = RecoveryStrategy.RestoreFromBackup }));

        var item = Assert.Single(plan.Items);
        Assert.Equal((RecoveryStrategy.Manual, ResourceChange.Deleted), (item.Strategy, item.Change));
        Assert.Contains("does not keep versions", item.Rationale, StringComparison.Ordinal);
        Assert.Contains("put-bucket-versioning --bucket acme-mgmt-billing", item.Steps[0].ParametersJson, StringComparison.Ordinal);
        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Contains("bucket acme-mgmt-billing does not keep versions", refused.Status.Detail, StringComparison.Ordinal);
    }
}

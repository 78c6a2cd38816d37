using CredIr.Aws;
using CredIr.Contracts.V1;
using CredIr.Recovery.Tests.Support;

namespace CredIr.Recovery.Tests.Planning;

/// <summary>
/// multi-account-org's ground truth: the actor (through keys derived from the leaked one) made v2 of
/// app-server-s3 (s3:* on *) the default and deleted backups/db-2026-11-20.sql from the versioned acme-prod-data.
/// Everything else it touched it created, which eradication deletes.
/// </summary>
public sealed class ScenarioRecoveryTests : IAsyncLifetime
{
    private const string PolicyArn = "arn:aws:iam::222222222222:policy/app-server-s3";
    private const string BackupArn = "arn:aws:s3:::acme-prod-data/backups/db-2026-11-20.sql";
    private RecoveryHarness _h = null!;

    public async Task InitializeAsync() => _h = await RecoveryHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task Plan_ScenarioActor_ItemsForTheChangedPolicyAndTheDeletedObjectOnly()
    {
        var plan = await _h.PlanAsync(_h.ActorEvents());

        Assert.Equal([PolicyArn, BackupArn], plan.Items.Select(i => i.Resource.Arn).Order(StringComparer.Ordinal));
        var policy = plan.Items.Single(i => i.Resource.Arn == PolicyArn);
        Assert.Equal(RecoveryStrategy.RestoreFromBackup, policy.Strategy);
        Assert.Equal(ResourceChange.Modified, policy.Change);
        Assert.Equal("v1", policy.BackupReference);
        Assert.Contains("v1 is the newest version the actor did not create", policy.Rationale, StringComparison.Ordinal);
        Assert.Equal("iam:SetDefaultPolicyVersion", Assert.Single(policy.Steps).Action);
        var backup = plan.Items.Single(i => i.Resource.Arn == BackupArn);
        Assert.Equal(RecoveryStrategy.RestoreFromBackup, backup.Strategy);
        Assert.Equal(ResourceChange.Deleted, backup.Change);
        Assert.Equal(Org.Prod, backup.Resource.AccountId);
        Assert.Single(backup.EventIds);
    }

    [Fact]
    public async Task Plan_DeletedObject_RemovesTheActorsDeleteMarkerToBringBackTheVersionItHid()
    {
        var versions = new List<S3ObjectVersion>();
        await foreach (var v in _h.Admin(Org.Prod).S3.ListObjectVersionsAsync(new ListObjectVersionsRequest("acme-prod-data", "backups/")))
        {
            versions.Add(v);
        }

        var plan = await _h.PlanAsync(_h.ActorEvents());

        var backup = plan.Items.Single(i => i.Resource.Arn == BackupArn);
        var original = versions.Single(v => !v.IsDeleteMarker);
        var marker = versions.Single(v => v.IsDeleteMarker);
        Assert.Equal(original.VersionId, backup.BackupReference);
        var step = Assert.Single(backup.Steps);
        Assert.Equal("s3:DeleteObjectVersion(delete marker)", step.Action);
        Assert.Contains(marker.VersionId, step.ParametersJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Execute_ChangedPolicy_PreviousVersionIsDefaultAgain_ReplayChangesNothingMore()
    {
        var plan = await _h.PlanAsync(_h.ActorEvents());
        var item = plan.Items.Single(i => i.Resource.Arn == PolicyArn);

        var first = (await _h.ExecuteAsync([item])).Final()[item.ItemId];
        var policy = (await _h.Admin(Org.Prod).Iam.GetPolicyAsync(new GetPolicyRequest(PolicyArn))).Policy;
        var second = (await _h.ExecuteAsync([item], "req-2")).Final()[item.ItemId];
        var changes = await _h.Updater.ReadAsync("inc-7", CancellationToken.None);

        Assert.Equal(StepStatus.Succeeded, first.Status);
        Assert.Equal("v1", policy.DefaultVersionId);
        Assert.Contains("was v2", first.Steps[0].ResultMessage, StringComparison.Ordinal);
        Assert.Equal("""{"defaultVersionId":"v2"}""", first.Steps[0].PriorStateJson);
        Assert.Equal(StepStatus.AlreadyDone, second.Status);
        var change = Assert.Single(changes);
        Assert.Equal((PolicyArn, "iam:SetDefaultPolicyVersion", "v1", "req-1"), (change.ResourceArn, change.Action, change.BackupReference, change.RequestId));
    }

    [Fact]
    public async Task Execute_DeletedObject_TheHiddenVersionIsCurrentAgain_ReplayChangesNothingMore()
    {
        var plan = await _h.PlanAsync(_h.ActorEvents());
        var item = plan.Items.Single(i => i.Resource.Arn == BackupArn);

        var first = (await _h.ExecuteAsync([item])).Final()[item.ItemId];
        var second = (await _h.ExecuteAsync([item], "req-2")).Final()[item.ItemId];
        var restored = await _h.Admin(Org.Prod).S3.GetObjectMetadataAsync(new GetObjectMetadataRequest("acme-prod-data", "backups/db-2026-11-20.sql"));

        Assert.Equal(StepStatus.Succeeded, first.Status);
        Assert.Equal(item.BackupReference, restored.VersionId);
        Assert.Equal("-- dump\n".Length, restored.ContentLength);
        Assert.Equal(StepStatus.AlreadyDone, second.Status);
    }
}

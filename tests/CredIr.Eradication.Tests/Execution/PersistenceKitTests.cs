using CredIr.Contracts.Calls;
using CredIr.Aws;
using CredIr.Contracts.V1;

namespace CredIr.Eradication.Tests.Execution;

/// <summary>single-account-key-leak plus <see cref="ActorKit"/>: roles, instance profiles, managed policies and buckets.</summary>
public sealed class PersistenceKitTests : IAsyncLifetime
{
    private EradicationSandbox _org = null!;
    private string _policy = null!;

    public async Task InitializeAsync()
    {
        _org = await EradicationSandbox.StartAsync("single-account-key-leak");
        _policy = await ActorKit.PlantAsync(_org);
    }

    public async Task DisposeAsync() => await _org.DisposeAsync();

    private static PlanStep Step(Plan plan, string action, string target) => plan.Steps.Single(s => s.Action == action && (s.Target.Id == target || s.Target.Arn == target));

    private static void Before(Plan plan, PlanStep first, PlanStep then)
    {
        Assert.Contains(first.StepId, then.DependsOn);
        Assert.True(plan.Steps.IndexOf(first) < plan.Steps.IndexOf(then), $"{first.StepId} must come before {then.StepId}");
    }

    [Fact]
    public async Task RoleProfileAndPolicy_PlannedInDependencyOrder()
    {
        var plan = await _org.PlanAsync(await _org.ScanAsync(TimeSpan.FromHours(3)));

        var deleteRole = Step(plan, "iam:DeleteRole", ActorKit.Role);
        var deleteProfile = Step(plan, "iam:DeleteInstanceProfile", ActorKit.Profile);
        var removeRole = Step(plan, "iam:RemoveRoleFromInstanceProfile", ActorKit.Profile);
        var deletePolicy = Step(plan, "iam:DeletePolicy", _policy);
        Before(plan, removeRole, deleteRole);
        Before(plan, removeRole, deleteProfile);
        Before(plan, deleteProfile, deleteRole);
        Before(plan, plan.Steps.Single(s => s.Action == "iam:DetachRolePolicy" && s.ParametersJson.Contains(_policy, StringComparison.Ordinal)), deletePolicy);
        Before(plan, Step(plan, "iam:DeletePolicyVersion", _policy), deletePolicy);
        Before(plan, Step(plan, "iam:DeleteRolePolicy", ActorKit.Role), deleteRole);
        Assert.Equal(
            [
                GroundTruth.Line("AWS::IAM::AccessKey", "AKIA5BACKUPSVCPERSI7", "111122223333"),
                GroundTruth.Line("AWS::IAM::InstanceProfile", ActorKit.Profile, "111122223333"),
                GroundTruth.Line("AWS::IAM::LoginProfile", "backup-svc", "111122223333"),
                GroundTruth.Line("AWS::IAM::ManagedPolicy", _policy, "111122223333"),
                GroundTruth.Line("AWS::IAM::Role", ActorKit.Role, "111122223333"),
                GroundTruth.Line("AWS::IAM::User", "backup-svc", "111122223333"),
                GroundTruth.Line("AWS::S3::Bucket", ActorKit.Bucket, "111122223333"),
            ],
            GroundTruth.Deleted(plan));
    }

    [Fact]
    public async Task Approved_KitGone_LegitimateResourcesUntouched()
    {
        var plan = await _org.PlanAsync(await _org.ScanAsync(TimeSpan.FromHours(3)), allowEmptyingBuckets: true);
        var before = await _org.SnapshotAsync();

        var results = await _org.ExecuteAsync(await _org.ApprovedAsync(plan));

        Assert.All(results.Where(r => r.Status != StepStatus.AlreadyDone), r => Assert.Equal(StepStatus.Succeeded, r.Status));
        var after = await _org.SnapshotAsync();
        Assert.Empty(after.Except(before));
        Assert.All(before.Except(after), line => Assert.Matches($"^111122223333 (user backup-svc|role {ActorKit.Role}|bucket {ActorKit.Bucket})", line));
        var policyGone = await Assert.ThrowsAsync<AwsServiceException>(() => _org.Admin.Iam.GetPolicyAsync(new GetPolicyRequest(_policy)));
        var profileGone = await Assert.ThrowsAsync<AwsServiceException>(() => _org.Admin.Iam.GetInstanceProfileAsync(new GetInstanceProfileRequest(ActorKit.Profile)));
        Assert.Equal(("NoSuchEntity", "NoSuchEntity"), (policyGone.Code, profileGone.Code));
        Assert.DoesNotContain((await _org.Admin.S3.ListBucketsAsync()).Buckets, b => b.Name == ActorKit.Bucket);
    }

    [Fact]
    public async Task BucketWithObjects_EmptyingNotAllowed_IsIsolatedAndKept_OnlyTheResponderGetsIn()
    {
        var plan = await _org.PlanAsync(await _org.ScanAsync(TimeSpan.FromHours(3)));
        var isolate = Step(plan, "s3:PutBucketPolicy(IsolateForForensics)", ActorKit.Bucket);
        Assert.DoesNotContain(plan.Steps, s => s.Action is "s3:DeleteBucket" or "s3:DeleteObjects(AllVersions)" or "s3:DeleteObject");

        var results = await _org.ExecuteAsync(await _org.ApprovedAsync(plan, isolate.StepId));

        Assert.Equal(StepStatus.Succeeded, Assert.Single(results).Status);
        var kept = await _org.Admin.S3.GetObjectMetadataAsync(new GetObjectMetadataRequest(ActorKit.Bucket, ActorKit.Object));
        Assert.True(kept.ContentLength > 0);
        var actor = _org.As(_org.Sandbox.Principals.SelectMany(static p => p.AccessKeys).First(k => k.AccessKeyId == _org.LeakedKey));
        var denied = await Assert.ThrowsAsync<AwsServiceException>(() => actor.S3.GetObjectMetadataAsync(new GetObjectMetadataRequest(ActorKit.Bucket, ActorKit.Object)));
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, denied.HttpStatus);
        var bob = _org.As(_org.Sandbox.Credentials("bob"));
        await Assert.ThrowsAsync<AwsServiceException>(() => bob.S3.GetObjectMetadataAsync(new GetObjectMetadataRequest(ActorKit.Bucket, ActorKit.Object)));

        var again = await _org.ExecuteAsync(await _org.ApprovedAsync(plan, isolate.StepId));
        Assert.Equal(StepStatus.AlreadyDone, Assert.Single(again).Status);
    }

    [Fact]
    public async Task BucketWithObjects_EmptyingAllowed_IsEmptiedThenDeleted()
    {
        var plan = await _org.PlanAsync(await _org.ScanAsync(TimeSpan.FromHours(3)), allowEmptyingBuckets: true);
        var empty = Step(plan, "s3:DeleteObjects(AllVersions)", ActorKit.Bucket);
        var delete = Step(plan, "s3:DeleteBucket", ActorKit.Bucket);
        Before(plan, empty, delete);

        var results = await _org.ExecuteAsync(await _org.ApprovedAsync(plan, empty.StepId, delete.StepId));

        Assert.Equal([StepStatus.Succeeded, StepStatus.Succeeded], results.Select(r => r.Status));
        var gone = await Assert.ThrowsAsync<AwsServiceException>(() => _org.Admin.S3.GetBucketLocationAsync(new GetBucketLocationRequest(ActorKit.Bucket)));
        Assert.Equal("NoSuchBucket", gone.Code);
    }

    [Fact]
    public async Task OutOfOrder_RoleStillInItsProfile_AndBucketNotEmpty_AreRefusedByAws()
    {
        var plan = await _org.PlanAsync(await _org.ScanAsync(TimeSpan.FromHours(3)), allowEmptyingBuckets: true);

        var role = await _org.ExecuteAsync(await _org.ApprovedAsync(plan, Step(plan, "iam:DeleteRole", ActorKit.Role).StepId));
        var policy = await _org.ExecuteAsync(await _org.ApprovedAsync(plan, Step(plan, "iam:DeletePolicy", _policy).StepId));
        var bucket = await _org.ExecuteAsync(await _org.ApprovedAsync(plan, Step(plan, "s3:DeleteBucket", ActorKit.Bucket).StepId));

        Assert.Contains("DeleteConflict", Assert.Single(role).ResultMessage, StringComparison.Ordinal);
        Assert.Contains("DeleteConflict", Assert.Single(policy).ResultMessage, StringComparison.Ordinal);
        Assert.Contains("BucketNotEmpty", Assert.Single(bucket).ResultMessage, StringComparison.Ordinal);
        Assert.All(role.Concat(policy).Concat(bucket), r => Assert.Equal(StepStatus.Failed, r.Status));
    }
}

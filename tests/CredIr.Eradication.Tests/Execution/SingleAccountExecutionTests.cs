using CredIr.Contracts.Calls;
using CredIr.Aws;
using CredIr.Contracts.V1;
using Grpc.Core;

namespace CredIr.Eradication.Tests.Execution;

/// <summary>single-account-key-leak: the actor made user backup-svc, its key and console password; scan, plan, execute.</summary>
public sealed class SingleAccountExecutionTests : IAsyncLifetime
{
    private EradicationSandbox _org = null!;

    public async Task InitializeAsync() => _org = await EradicationSandbox.StartAsync("single-account-key-leak");

    public async Task DisposeAsync() => await _org.DisposeAsync();

    [Fact]
    public async Task LeakedKey_Plan_DeletesExactlyWhatTheActorCreated()
    {
        var plan = await _org.PlanAsync(await _org.ScanAsync(TimeSpan.FromHours(3)));

        Assert.Equal(GroundTruth.ActorCreated(_org.GroundTruth), GroundTruth.Deleted(plan));
        Assert.All(plan.Steps, s => Assert.Contains(s.Target.Id, new[] { "backup-svc", "AKIA5BACKUPSVCPERSI7" }));
        var deleteUser = plan.Steps.Single(s => s.Action == "iam:DeleteUser");
        Assert.Equal(
            ["iam:DeleteAccessKey AKIA5BACKUPSVCPERSI7", "iam:DeleteLoginProfile backup-svc", "iam:DetachUserPolicy backup-svc"],
            deleteUser.DependsOn.Select(d => plan.Steps.Single(s => s.StepId == d)).Select(s => $"{s.Action} {s.Target.Id}").Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task NoApprovalToken_IsFailedPrecondition_AndASelfMadeOneIsPermissionDenied_AndNothingChanges()
    {
        var plan = await _org.PlanAsync(await _org.ScanAsync(TimeSpan.FromHours(3)));
        var before = await _org.SnapshotAsync();
        var request = await _org.ApprovedAsync(plan);
        request.Approval = null;

        var error = await Assert.ThrowsAsync<RpcException>(() => _org.ExecuteAsync(request));
        request.Approval = new ApprovalToken { ApprovalId = "a-1", PlanId = "another-plan" };
        var wrongPlan = await Assert.ThrowsAsync<RpcException>(() => _org.ExecuteAsync(request));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("not approved", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(StatusCode.PermissionDenied, wrongPlan.StatusCode);
        Assert.Equal(before.Lines, (await _org.SnapshotAsync()).Lines);
    }

    [Fact]
    public async Task ResponderActsWithACompromisedKey_IsFailedPrecondition_AndNothingChanges()
    {
        var plan = await _org.PlanAsync(await _org.ScanAsync(TimeSpan.FromHours(3)));
        plan.CredentialIds.Add(_org.Sandbox.Accounts[0].AdminAccessKeyId);
        var before = await _org.SnapshotAsync();

        var error = await Assert.ThrowsAsync<RpcException>(async () => await _org.ExecuteAsync(await _org.ApprovedAsync(plan)));

        Assert.Equal(StatusCode.FailedPrecondition, error.StatusCode);
        Assert.Contains("never acts with them", error.Status.Detail, StringComparison.Ordinal);
        Assert.Equal(before.Lines, (await _org.SnapshotAsync()).Lines);
    }

    [Fact]
    public async Task Approved_ActorResourcesGone_EverythingElseUntouched()
    {
        var plan = await _org.PlanAsync(await _org.ScanAsync(TimeSpan.FromHours(3)));
        var before = await _org.SnapshotAsync();

        var results = await _org.ExecuteAsync(await _org.ApprovedAsync(plan));

        Assert.All(results, r => Assert.Equal(StepStatus.Succeeded, r.Status));
        Assert.Equal(plan.Steps.Select(s => s.StepId), results.Select(r => r.StepId));
        Assert.All(results, r => Assert.False(string.IsNullOrEmpty(r.PriorStateJson)));
        var after = await _org.SnapshotAsync();
        Assert.Empty(after.Except(before));
        Assert.All(before.Except(after), line => Assert.StartsWith("111122223333 user backup-svc", line, StringComparison.Ordinal));
        Assert.Contains("111122223333 user backup-svc key AKIA5BACKUPSVCPERSI7 Active", before.Except(after));
        var gone = await Assert.ThrowsAsync<AwsServiceException>(() => _org.Admin.Iam.GetUserAsync(new GetUserRequest("backup-svc")));
        Assert.Equal("NoSuchEntity", gone.Code);
    }

    [Fact]
    public async Task Replay_ReportsAlreadyDone_AndMakesNoWrite()
    {
        var plan = await _org.PlanAsync(await _org.ScanAsync(TimeSpan.FromHours(3)));
        var first = await _org.ExecuteAsync(await _org.ApprovedAsync(plan));
        var recorded = _org.Sandbox.Trail.All().Count;
        var replayed = new Plan(plan);
        replayed.Steps.Clear();
        replayed.Steps.AddRange(first);

        var again = await _org.ExecuteAsync(await _org.ApprovedAsync(replayed));

        Assert.All(again, r => Assert.Equal(StepStatus.AlreadyDone, r.Status));
        Assert.Empty(_org.WritesSince(recorded));
        // The first run's record of the state before the change survives the replay (rollback needs it).
        Assert.Equal(first.Select(s => s.PriorStateJson), again.Select(s => s.PriorStateJson));
    }

    [Fact]
    public async Task OutOfOrder_DeleteUserBeforeItsKey_RefusedWithDeleteConflict_ThenThePlanOrderSucceeds()
    {
        var plan = await _org.PlanAsync(await _org.ScanAsync(TimeSpan.FromHours(3)));
        var deleteUser = plan.Steps.Single(s => s.Action == "iam:DeleteUser");

        var alone = await _org.ExecuteAsync(await _org.ApprovedAsync(plan, deleteUser.StepId));
        var inOrder = await _org.ExecuteAsync(await _org.ApprovedAsync(plan));

        Assert.Equal(StepStatus.Failed, Assert.Single(alone).Status);
        Assert.Contains("DeleteConflict", alone[0].ResultMessage, StringComparison.Ordinal);
        Assert.All(inOrder, r => Assert.Equal(StepStatus.Succeeded, r.Status));
    }
}

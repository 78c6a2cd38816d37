using CredIr.Contracts.Calls;
using CredIr.Aws;
using CredIr.Contracts.V1;

namespace CredIr.Eradication.Tests.Execution;

/// <summary>
/// single-account-key-leak plus a virtual MFA device the actor creates with the leaked key: left unassigned, or
/// enabled on alice, a legitimate user (a second factor the actor holds on someone else's account).
/// </summary>
public sealed class VirtualMfaDeviceTests : IAsyncLifetime
{
    private const string Account = "111122223333";
    private EradicationSandbox _org = null!;
    private IamClient _actor = null!;

    public async Task InitializeAsync()
    {
        _org = await EradicationSandbox.StartAsync("single-account-key-leak");
        _actor = _org.As(_org.Sandbox.Principals.SelectMany(static p => p.AccessKeys).First(k => k.AccessKeyId == _org.LeakedKey)).Iam;
    }

    public async Task DisposeAsync() => await _org.DisposeAsync();

    [Fact]
    public async Task UnenabledActorDevice_PlanDeletesIt_ExecutionRemovesIt_ReplayIsAlreadyDoneWithNoWrite()
    {
        var serial = (await _actor.CreateVirtualMfaDeviceAsync(new CreateVirtualMfaDeviceRequest("spare-token"))).SerialNumber;
        var plan = await _org.PlanAsync(await _org.ScanAsync(TimeSpan.FromHours(3)));
        var before = await _org.SnapshotAsync();

        var results = await _org.ExecuteAsync(await _org.ApprovedAsync(plan));
        var recorded = _org.Sandbox.Trail.All().Count;
        var replayed = await _org.ExecuteAsync(await _org.ApprovedAsync(plan));
        var after = await _org.SnapshotAsync();

        var delete = plan.Steps.Single(s => s.Action == "iam:DeleteVirtualMFADevice");
        Assert.Equal(serial, delete.Target.Id);
        Assert.Empty(delete.DependsOn);
        Assert.DoesNotContain(plan.Steps, s => s.Action == "iam:DeactivateMFADevice");
        Assert.All(results, r => Assert.Equal(StepStatus.Succeeded, r.Status));
        Assert.Contains($"{Account} mfa {serial} unassigned", before.Lines);
        Assert.DoesNotContain(after.Lines, l => l.Contains(serial, StringComparison.Ordinal));
        Assert.All(replayed, r => Assert.Equal(StepStatus.AlreadyDone, r.Status));
        Assert.Empty(_org.WritesSince(recorded));
    }

    [Fact]
    public async Task ActorDeviceEnabledOnLegitimateUser_DeactivatedThenDeleted_TheUserStays()
    {
        var serial = (await _actor.CreateVirtualMfaDeviceAsync(new CreateVirtualMfaDeviceRequest("alice-token"))).SerialNumber;
        await _actor.EnableMfaDeviceAsync(new EnableMfaDeviceRequest("alice", serial, "123456", "654321"));
        var plan = await _org.PlanAsync(await _org.ScanAsync(TimeSpan.FromHours(3)));
        var before = await _org.SnapshotAsync();

        var results = await _org.ExecuteAsync(await _org.ApprovedAsync(plan));
        var recorded = _org.Sandbox.Trail.All().Count;
        var replayed = await _org.ExecuteAsync(await _org.ApprovedAsync(plan));
        var after = await _org.SnapshotAsync();

        var deactivate = plan.Steps.Single(s => s.Action == "iam:DeactivateMFADevice");
        var delete = plan.Steps.Single(s => s.Action == "iam:DeleteVirtualMFADevice");
        Assert.Equal("alice", deactivate.Target.Id);
        Assert.Contains(serial, deactivate.ParametersJson, StringComparison.Ordinal);
        Assert.Equal([deactivate.StepId], delete.DependsOn);
        Assert.DoesNotContain(plan.Steps, s => s.Target.Id == "alice" && s.Action != "iam:DeactivateMFADevice");
        Assert.All(results, r => Assert.Equal(StepStatus.Succeeded, r.Status));
        Assert.True(results.FindIndex(r => r.StepId == deactivate.StepId) < results.FindIndex(r => r.StepId == delete.StepId));
        Assert.Equal([$"{Account} mfa {serial} alice"], before.Except(after).Where(l => !l.Contains("backup-svc", StringComparison.Ordinal)));
        Assert.Contains($"{Account} user alice", after.Lines);
        Assert.Contains($"{Account} user alice key AKIA2ALICEDEVKEY7QXA Active", after.Lines);
        Assert.Empty(after.Except(before));
        Assert.All(replayed, r => Assert.Equal(StepStatus.AlreadyDone, r.Status));
        Assert.Empty(_org.WritesSince(recorded));
    }

    [Fact]
    public async Task EnabledDeviceDeletedBeforeDeactivation_RefusedWithDeleteConflict_ThenThePlanOrderSucceeds()
    {
        var serial = (await _actor.CreateVirtualMfaDeviceAsync(new CreateVirtualMfaDeviceRequest("bob-token"))).SerialNumber;
        await _actor.EnableMfaDeviceAsync(new EnableMfaDeviceRequest("bob", serial, "123456", "654321"));
        var plan = await _org.PlanAsync(await _org.ScanAsync(TimeSpan.FromHours(3)));
        var delete = plan.Steps.Single(s => s.Action == "iam:DeleteVirtualMFADevice");

        var alone = await _org.ExecuteAsync(await _org.ApprovedAsync(plan, delete.StepId));
        var inOrder = await _org.ExecuteAsync(await _org.ApprovedAsync(plan));

        Assert.Equal(StepStatus.Failed, Assert.Single(alone).Status);
        Assert.Contains("DeleteConflict", alone[0].ResultMessage, StringComparison.Ordinal);
        Assert.All(inOrder, r => Assert.Equal(StepStatus.Succeeded, r.Status));
    }
}

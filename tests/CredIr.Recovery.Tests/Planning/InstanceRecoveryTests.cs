using CredIr.Aws;
using CredIr.Contracts.V1;
using Grpc.Core;
using CredIr.Recovery.Tests.Support;

namespace CredIr.Recovery.Tests.Planning;

/// <summary>
/// An instance the administrator launched and the actor changed (moved into a security group of its own):
/// with no Auto Scaling group to replace it, recovery isolates it for forensics against the sandbox's EC2.
/// </summary>
public sealed class InstanceRecoveryTests : IAsyncLifetime
{
    private const string Region = "us-west-2";
    private RecoveryHarness _h = null!;

    public async Task InitializeAsync() => _h = await RecoveryHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task ModifiedInstance_NoAutoScalingGroup_IsolatedForForensics_ReplaceOverrideRefused()
    {
        var (id, _) = await LaunchAndLetTheActorOpenItAsync();

        var plan = await _h.PlanAsync(_h.ActorEvents(Org.LeakedKey));
        var refused = await Assert.ThrowsAsync<RpcException>(() => _h.PlanAsync(_h.ActorEvents(Org.LeakedKey), new Dictionary<string, RecoveryStrategy> { [id] = RecoveryStrategy.Replace }));

        var item = Assert.Single(plan.Items);
        Assert.Equal((RecoveryStrategy.Isolate, ResourceChange.Modified, id), (item.Strategy, item.Change, item.Resource.Id));
        Assert.Equal(
            ["ec2:CreateSecurityGroup(isolation)", "ec2:ModifyInstanceAttribute(isolation group)", "ec2:ModifyInstanceAttribute(disableApiTermination)", "ec2:CreateSnapshot(forensics)", "manual:Task"],
            item.Steps.Select(s => s.Action));
        var instructions = System.Text.Json.Nodes.JsonNode.Parse(item.Steps[^1].ParametersJson)!["instructions"]!.AsArray().Select(i => (string)i!).ToList();
        Assert.Contains(instructions, i => i.Contains($"aws elbv2 deregister-targets --target-group-arn <arn> --targets Id={id} --region {Region}", StringComparison.Ordinal));
        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Contains($"instance {id} has no aws:autoscaling:groupName tag", refused.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Isolate_Executed_InstanceAloneInAGroupWithNoTrafficProtectedAndSnapshotted_ReplayChangesNothing()
    {
        var (id, actorGroup) = await LaunchAndLetTheActorOpenItAsync();
        var plan = await _h.PlanAsync(_h.ActorEvents(Org.LeakedKey));
        var item = Assert.Single(plan.Items);

        var first = (await _h.ExecuteAsync(plan.Items)).Final()[item.ItemId];
        var second = (await _h.ExecuteAsync(plan.Items, "req-2")).Final()[item.ItemId];
        var ec2 = _h.Admin(region: Region).Ec2;
        var groups = (await ec2.DescribeInstanceAttributeAsync(new DescribeInstanceAttributeRequest(id, "groupSet"))).GroupIds;
        var isolation = await ToListAsync(ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest(GroupIds: groups)));
        var instance = await SingleInstanceAsync(ec2, id);
        var snapshots = await ToListAsync(ec2.DescribeSnapshotsAsync(new DescribeSnapshotsRequest(Filters: [new Ec2Filter("tag:credir:forensics-of", [id])])));
        var terminate = await Assert.ThrowsAsync<AwsServiceException>(() => ec2.TerminateInstancesAsync(new TerminateInstancesRequest([id])));

        Assert.Equal(StepStatus.Manual, first.Status);
        Assert.All(first.Steps.Where(s => s.Action != "manual:Task"), s => Assert.Equal(StepStatus.Succeeded, s.Status));
        Assert.Contains(actorGroup, first.Steps[1].PriorStateJson, StringComparison.Ordinal);
        var group = Assert.Single(isolation);
        Assert.Equal($"credir-isolation-{id}", group.GroupName);
        Assert.Empty(group.IpPermissions);
        Assert.Empty(group.IpPermissionsEgress);
        Assert.Equal([group.GroupId], instance.SecurityGroupIds);
        Assert.Equal(instance.VolumeIds, snapshots.Select(s => s.VolumeId));
        Assert.Equal("OperationNotPermitted", terminate.Code);
        Assert.All(second.Steps.Where(s => s.Action != "manual:Task"), s => Assert.Equal(StepStatus.AlreadyDone, s.Status));
        Assert.Single(await ToListAsync(ec2.DescribeSnapshotsAsync(new DescribeSnapshotsRequest(Filters: [new Ec2Filter("tag:credir:forensics-of", [id])]))));
        var logged = await _h.Updater.ReadAsync("inc-7", CancellationToken.None);
        Assert.Equal(4, logged.Count);
    }

    [Fact]
    public async Task ModifiedInstanceOfAnAutoScalingGroup_Replaced_VolumesSnapshottedBeforeItIsTerminated()
    {
        var (id, _) = await LaunchAndLetTheActorOpenItAsync(group: "web-asg");
        var plan = await _h.PlanAsync(_h.ActorEvents(Org.LeakedKey));
        var item = Assert.Single(plan.Items);

        var final = (await _h.ExecuteAsync(plan.Items)).Final()[item.ItemId];
        var ec2 = _h.Admin(region: Region).Ec2;
        var instance = await SingleInstanceAsync(ec2, id);
        var snapshots = await ToListAsync(ec2.DescribeSnapshotsAsync(new DescribeSnapshotsRequest(Filters: [new Ec2Filter("tag:credir:forensics-of", [id])])));

        Assert.Equal((RecoveryStrategy.Replace, "asg:web-asg"), (item.Strategy, item.BackupReference));
        Assert.Equal(["ec2:CreateSnapshot(forensics)", "ec2:TerminateInstances(replace)"], final.Steps.Select(s => s.Action));
        Assert.Equal(StepStatus.Succeeded, final.Status);
        Assert.Equal("terminated", instance.State);
        Assert.Equal([$"vol-{id[2..]}"], snapshots.Select(s => s.VolumeId));
    }

    // The sandbox has no Auto Scaling: the group's aws:autoscaling:groupName tag is set at launch, as the group would.
    private async Task<(string InstanceId, string ActorGroup)> LaunchAndLetTheActorOpenItAsync(string? group = null)
    {
        var launched = await _h.Admin(region: Region).Ec2.RunInstancesAsync(new RunInstancesRequest("ami-0abcdef1234567890", "t3.micro")
        {
            Tags = group is null ? null : [new Ec2Tag("aws:autoscaling:groupName", group)],
        });
        var id = launched.Instances[0].InstanceId;
        var actor = _h.Attacker(Region).Ec2;
        var open = await actor.CreateSecurityGroupAsync(new CreateSecurityGroupRequest("maint-access", "maintenance"));
        await actor.ModifyInstanceAttributeAsync(new ModifyInstanceAttributeRequest(id, Groups: [open.GroupId]));
        return (id, open.GroupId);
    }

    private static async Task<Ec2Instance> SingleInstanceAsync(Ec2Client ec2, string id) =>
        Assert.Single(await ToListAsync(ec2.DescribeInstancesAsync(new DescribeInstancesRequest(InstanceIds: [id]))));

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> items)
    {
        var list = new List<T>();
        await foreach (var item in items)
        {
            list.Add(item);
        }

        return list;
    }
}

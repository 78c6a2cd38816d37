using CredIr.Contracts.Calls;
using CredIr.Aws;
using CredIr.Contracts.V1;

namespace CredIr.Eradication.Tests.Execution;

/// <summary>
/// single-account-key-leak plus EC2 leftovers the actor makes with the leaked key in us-east-1: a security group, a
/// key pair EC2 made and one imported, and an instance launched with both. The responder already had its own group
/// and key pair there, which must survive.
/// </summary>
public sealed class Ec2LeftoversTests : IAsyncLifetime
{
    private const string Account = "111122223333";
    private const string Region = "us-east-1";
    private const string PublicKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhscHR4f actor@example";
    private EradicationSandbox _org = null!;
    private string _group = null!;
    private string _instance = null!;
    private string _legitimateGroup = null!;

    public async Task InitializeAsync()
    {
        _org = await EradicationSandbox.StartAsync("single-account-key-leak");
        var admin = _org.Admin.WithRegion(Region).Ec2;
        _legitimateGroup = (await admin.CreateSecurityGroupAsync(new CreateSecurityGroupRequest("web-prod", "production web"))).GroupId;
        await admin.CreateKeyPairAsync(new CreateKeyPairRequest("ops-prod"));
        await admin.RunInstancesAsync(new RunInstancesRequest("ami-0prod", "t3.small") { KeyName = "ops-prod", SecurityGroupIds = [_legitimateGroup] });

        var actor = _org.As(_org.Sandbox.Principals.SelectMany(static p => p.AccessKeys).First(k => k.AccessKeyId == _org.LeakedKey), Region).Ec2;
        _group = (await actor.CreateSecurityGroupAsync(new CreateSecurityGroupRequest("allow-all", "debug"))).GroupId;
        await actor.CreateKeyPairAsync(new CreateKeyPairRequest("miner-key"));
        await actor.ImportKeyPairAsync(new ImportKeyPairRequest("miner-imported", PublicKey));
        _instance = (await actor.RunInstancesAsync(new RunInstancesRequest("ami-0miner", "c5.4xlarge") { KeyName = "miner-key", SecurityGroupIds = [_group] })).Instances[0].InstanceId;
    }

    public async Task DisposeAsync() => await _org.DisposeAsync();

    [Fact]
    public async Task ActorGroupAndKeyPairs_DeletedAfterTheInstanceIsTerminated_LegitimateOnesUntouched()
    {
        var plan = await _org.PlanAsync(await _org.ScanAsync(TimeSpan.FromHours(3)));
        var before = await _org.SnapshotAsync();

        var results = await _org.ExecuteAsync(await _org.ApprovedAsync(plan));
        var after = await _org.SnapshotAsync();

        var terminate = plan.Steps.Single(s => s.Action == "ec2:TerminateInstances");
        var deleteGroup = plan.Steps.Single(s => s.Action == "ec2:DeleteSecurityGroup");
        var deleteKeys = plan.Steps.Where(s => s.Action == "ec2:DeleteKeyPair").ToList();
        Assert.Equal((_instance, _group), (terminate.Target.Id, deleteGroup.Target.Id));
        Assert.Equal(["miner-imported", "miner-key"], deleteKeys.Select(s => s.Target.Id).Order(StringComparer.Ordinal));
        Assert.Contains(terminate.StepId, deleteGroup.DependsOn);
        Assert.All(plan.Steps, s => Assert.NotEqual(StepStatus.Manual, s.Status));
        Assert.All(results, r => Assert.Equal(StepStatus.Succeeded, r.Status));
        Assert.Equal(
            [
                $"{Account} {Region} instance {_instance} running",
                $"{Account} {Region} key-pair miner-imported",
                $"{Account} {Region} key-pair miner-key",
                $"{Account} {Region} security-group {_group} allow-all",
            ],
            before.Except(after).Where(l => !l.Contains("backup-svc", StringComparison.Ordinal)).Select(static l => l.StartsWith($"{Account} {Region} key-pair", StringComparison.Ordinal) ? string.Join(' ', l.Split(' ')[..4]) : l));
        Assert.Equal([$"{Account} {Region} instance {_instance} terminated"], after.Except(before));
        Assert.Contains($"{Account} {Region} security-group {_legitimateGroup} web-prod", after.Lines);
        Assert.Contains(after.Lines, l => l.StartsWith($"{Account} {Region} key-pair ops-prod ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task GroupDeletedBeforeItsInstance_IsDependencyViolation_ThenThePlanOrderSucceeds()
    {
        var plan = await _org.PlanAsync(await _org.ScanAsync(TimeSpan.FromHours(3)));
        var deleteGroup = plan.Steps.Single(s => s.Action == "ec2:DeleteSecurityGroup");

        var alone = await _org.ExecuteAsync(await _org.ApprovedAsync(plan, deleteGroup.StepId));
        var inOrder = await _org.ExecuteAsync(await _org.ApprovedAsync(plan));

        Assert.Equal(StepStatus.Failed, Assert.Single(alone).Status);
        Assert.Contains("DependencyViolation", alone[0].ResultMessage, StringComparison.Ordinal);
        Assert.All(inOrder, r => Assert.Equal(StepStatus.Succeeded, r.Status));
        var gone = await Assert.ThrowsAsync<AwsServiceException>(
            () => _org.Admin.WithRegion(Region).Ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest(GroupIds: [_group])).ToListAsync().AsTask());
        Assert.Equal("InvalidGroup.NotFound", gone.Code);
    }

    [Fact]
    public async Task Replay_AfterExecution_IsAlreadyDone_AndMakesNoWrite()
    {
        var plan = await _org.PlanAsync(await _org.ScanAsync(TimeSpan.FromHours(3)));
        var first = await _org.ExecuteAsync(await _org.ApprovedAsync(plan));
        var recorded = _org.Sandbox.Trail.All().Count;

        var again = await _org.ExecuteAsync(await _org.ApprovedAsync(plan));

        Assert.All(first, r => Assert.Equal(StepStatus.Succeeded, r.Status));
        Assert.All(again, r => Assert.Equal(StepStatus.AlreadyDone, r.Status));
        Assert.Contains(again, r => r.Action == "ec2:DeleteSecurityGroup");
        Assert.Equal(2, again.Count(r => r.Action == "ec2:DeleteKeyPair"));
        Assert.Empty(_org.WritesSince(recorded));
    }

    [Fact]
    public async Task ActorRecords_Extracted_AsSecurityGroupAndKeyPairsTheActorCreated()
    {
        var events = await _org.ScanAsync(TimeSpan.FromHours(3));

        var created = events.SelectMany(e => e.Resources).Where(r => r.Type is "AWS::EC2::SecurityGroup" or "AWS::EC2::KeyPair").ToList();
        Assert.Contains(created, r => r.Type == "AWS::EC2::SecurityGroup" && r.Id == _group);
        Assert.Contains(created, r => r.Type == "AWS::EC2::KeyPair" && r.Id == "miner-key");
        Assert.Contains(created, r => r.Type == "AWS::EC2::KeyPair" && r.Id == "miner-imported");
        Assert.DoesNotContain(created, r => r.Id is "ops-prod" or "web-prod" || r.Id == _legitimateGroup);
    }
}

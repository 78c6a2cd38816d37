using CredIr.Aws.Tests.Support;

namespace CredIr.Aws.Tests.Services;

public sealed class Ec2ClientTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task DescribeRegions_AllRegions_ListsTheScenarioRegions()
    {
        using var clients = SandboxClients.Create(fixture.Sandbox);

        var regions = (await clients.Admin().Ec2.DescribeRegionsAsync(new DescribeRegionsRequest(AllRegions: true))).Regions;

        Assert.Equal(["eu-west-1", "us-east-1"], regions.Select(r => r.RegionName).Order());
    }

    [Fact]
    public async Task RunDescribeTerminate_TaggedInstances_AreFoundByFilterAndTerminated()
    {
        using var clients = SandboxClients.Create(fixture.Sandbox);
        var ec2 = clients.Admin(region: "eu-west-1").Ec2;

        var run = await ec2.RunInstancesAsync(new RunInstancesRequest("ami-0abcdef1234567890", "t3.micro", 3, 3) { Tags = [new Ec2Tag("owner", "miner")] });
        var ids = run.Instances.Select(i => i.InstanceId).ToList();
        var byId = await ec2.DescribeInstancesAsync(new DescribeInstancesRequest(InstanceIds: ids)).ToListAsync();
        var paged = await ec2.DescribeInstancesAsync(new DescribeInstancesRequest(MaxResults: 5)).ToListAsync();
        var terminated = await ec2.TerminateInstancesAsync(new TerminateInstancesRequest(ids));
        var after = await ec2.DescribeInstancesAsync(new DescribeInstancesRequest(InstanceIds: ids)).ToListAsync();

        Assert.Equal(3, ids.Distinct().Count());
        Assert.Equal(ids.Order(), byId.Select(i => i.InstanceId).Order());
        Assert.All(byId, i => Assert.Equal("ami-0abcdef1234567890", i.ImageId));
        Assert.Superset(ids.ToHashSet(), paged.Select(i => i.InstanceId).ToHashSet());
        Assert.Equal(ids.Order(), terminated.Instances.Select(c => c.InstanceId).Order());
        Assert.All(after, i => Assert.Contains(i.State, new[] { "shutting-down", "terminated" }));
    }

    [Fact]
    public async Task InstanceLaunchedWithProfile_HasAnAssociationNamingTheProfile()
    {
        using var clients = SandboxClients.Create(fixture.Sandbox);
        var admin = clients.Admin();
        const string trust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";
        await admin.Iam.CreateRoleAsync(new CreateRoleRequest("ec2-app", trust));
        var profile = (await admin.Iam.CreateInstanceProfileAsync(new CreateInstanceProfileRequest("ec2-app-profile"))).InstanceProfile;
        await admin.Iam.AddRoleToInstanceProfileAsync(new AddRoleToInstanceProfileRequest("ec2-app-profile", "ec2-app"));

        var instance = (await admin.Ec2.RunInstancesAsync(new RunInstancesRequest("ami-0abc", "t3.micro") { IamInstanceProfileName = "ec2-app-profile" })).Instances[0];
        var associations = await admin.Ec2.DescribeIamInstanceProfileAssociationsAsync(
            new DescribeIamInstanceProfileAssociationsRequest(Filters: [new Ec2Filter("instance-id", [instance.InstanceId])])).ToListAsync();

        var association = Assert.Single(associations, a => a.InstanceId == instance.InstanceId);
        Assert.Equal(profile.Arn, association.IamInstanceProfileArn);
        Assert.Equal("associated", association.State);
    }

    [Fact]
    public async Task TerminateInstances_UnknownId_ThrowsTheEc2Code()
    {
        using var clients = SandboxClients.Create(fixture.Sandbox);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => clients.Admin().Ec2.TerminateInstancesAsync(new TerminateInstancesRequest(["i-0000000000000dead"])));

        Assert.StartsWith("InvalidInstanceID", error.Code, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(error.RequestId));
    }
}

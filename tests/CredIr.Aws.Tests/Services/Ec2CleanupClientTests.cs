using CredIr.Aws.Tests.Support;

namespace CredIr.Aws.Tests.Services;

/// <summary>The client calls that remove an actor's EC2 leftovers: key pairs and security groups.</summary>
public sealed class Ec2CleanupClientTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private const string PublicKey = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAABAgMEBQYHCAkKCwwNDg8QERITFBUWFxgZGhscHR4f actor@example";

    [Fact]
    public async Task KeyPairs_CreatedAndImported_AreDescribedThenDeleted_AndThePrivateKeyIsNeverPrinted()
    {
        using var clients = SandboxClients.Create(fixture.Sandbox);
        var ec2 = clients.Admin(region: "eu-west-1").Ec2;

        var created = await ec2.CreateKeyPairAsync(new CreateKeyPairRequest("client-made", Tags: [new Ec2Tag("owner", "actor")]));
        var imported = await ec2.ImportKeyPairAsync(new ImportKeyPairRequest("client-imported", PublicKey));
        var both = await ec2.DescribeKeyPairsAsync(new DescribeKeyPairsRequest(KeyNames: ["client-made", "client-imported"], IncludePublicKey: true));
        await ec2.DeleteKeyPairAsync(new DeleteKeyPairRequest("client-made"));
        await ec2.DeleteKeyPairAsync(new DeleteKeyPairRequest("client-imported"));
        var gone = await Assert.ThrowsAsync<AwsServiceException>(() => ec2.DescribeKeyPairsAsync(new DescribeKeyPairsRequest(KeyNames: ["client-made"])));

        Assert.Contains("PRIVATE KEY", created.KeyMaterial, StringComparison.Ordinal);
        Assert.DoesNotContain(created.KeyMaterial, created.ToString(), StringComparison.Ordinal);
        Assert.Contains("[redacted]", created.ToString(), StringComparison.Ordinal);
        Assert.Equal([new Ec2Tag("owner", "actor")], created.KeyPair.Tags);
        Assert.Equal("ed25519", imported.KeyPair.KeyType);
        Assert.Equal(["client-imported", "client-made"], both.Select(k => k.KeyName));
        Assert.Equal(PublicKey, both[0].PublicKey);
        Assert.Equal(created.KeyPair.KeyPairId, both[1].KeyPairId);
        Assert.Equal("InvalidKeyPair.NotFound", gone.Code);
    }

    [Fact]
    public async Task DeleteSecurityGroup_WhileAnInstanceUsesIt_IsDependencyViolation_AfterTerminationSucceeds()
    {
        using var clients = SandboxClients.Create(fixture.Sandbox);
        var ec2 = clients.Admin(region: "eu-west-1").Ec2;
        var group = (await ec2.CreateSecurityGroupAsync(new CreateSecurityGroupRequest("client-in-use", "in use"))).GroupId;
        var instance = (await ec2.RunInstancesAsync(new RunInstancesRequest("ami-0abc", "t3.micro") { SecurityGroupIds = [group] })).Instances[0].InstanceId;

        var inUse = await Assert.ThrowsAsync<AwsServiceException>(() => ec2.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest(group)));
        await ec2.TerminateInstancesAsync(new TerminateInstancesRequest([instance]));
        await ec2.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest(group));
        var gone = await Assert.ThrowsAsync<AwsServiceException>(() => ec2.DeleteSecurityGroupAsync(new DeleteSecurityGroupRequest(group)));

        Assert.Equal("DependencyViolation", inUse.Code);
        Assert.Equal("InvalidGroup.NotFound", gone.Code);
        Assert.Empty(await ec2.DescribeSecurityGroupsAsync(new DescribeSecurityGroupsRequest(Filters: [new Ec2Filter("group-name", ["client-in-use"])])).ToListAsync());
    }
}

namespace CredIr.Aws.Tests.Core;

public sealed class ArnTests
{
    [Theory]
    [InlineData("arn:aws:iam::123456789012:user/division/alice", "aws", "iam", "", "123456789012", "user", "alice")]
    [InlineData("arn:aws-cn:sts::210987654321:assumed-role/Responder/credir-INC-1", "aws-cn", "sts", "", "210987654321", "assumed-role", "credir-INC-1")]
    [InlineData("arn:aws-us-gov:s3:::evidence-bucket", "aws-us-gov", "s3", "", "", "", "evidence-bucket")]
    [InlineData("arn:aws:lambda:eu-west-1:123456789012:function:miner", "aws", "lambda", "eu-west-1", "123456789012", "function", "miner")]
    public void Parse_ValidArn_SplitsEveryPart(string text, string partition, string service, string region, string account, string type, string name)
    {
        var arn = Arn.Parse(text);

        Assert.Equal(partition, arn.Partition);
        Assert.Equal(service, arn.Service);
        Assert.Equal(region, arn.Region);
        Assert.Equal(account, arn.AccountId);
        Assert.Equal(type, arn.ResourceType);
        Assert.Equal(name, arn.ResourceName);
        Assert.Equal(text, arn.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("AKIAIOSFODNN7EXAMPLE")]
    [InlineData("arn:aws:iam::123456789012")]
    [InlineData("arn::iam::123456789012:user/x")]
    public void TryParse_NotAnArn_ReturnsFalse(string text) => Assert.False(Arn.TryParse(text, out _));

    [Fact]
    public void ForRole_GovCloudPartitionAndPath_FormatsTheRoleArn()
    {
        var arn = Arn.ForRole(AwsPartition.ForRegion("us-gov-west-1"), "111122223333", "Responder", "/ir/");

        Assert.Equal("arn:aws-us-gov:iam::111122223333:role/ir/Responder", arn.ToString());
    }

    [Theory]
    [InlineData("us-east-1", "aws")]
    [InlineData("eu-central-1", "aws")]
    [InlineData("cn-northwest-1", "aws-cn")]
    [InlineData("us-gov-east-1", "aws-us-gov")]
    public void Partition_ForRegion_FollowsTheRegionName(string region, string partition) =>
        Assert.Equal(partition, AwsPartition.ForRegion(region).Name);

    [Theory]
    [InlineData("arn:aws:sts::111122223333:assumed-role/r/s", "aws", "us-east-1")]
    [InlineData("arn:aws-us-gov:iam::111122223333:user/ci", "aws-us-gov", "us-gov-west-1")]
    [InlineData("arn:aws-cn:iam::111122223333:root", "aws-cn", "cn-north-1")]
    public void Partition_FromACredentialsArn_GivesTheHomeRegionOfItsGlobalEvents(string arn, string partition, string home)
    {
        var found = AwsPartition.FromArn(arn);

        Assert.Equal(partition, found.Name);
        Assert.Equal(home, found.GlobalRegion);
        Assert.Equal($"arn:{partition}:iam::111122223333:root", found.AccountRootArn("111122223333"));
    }

    [Fact]
    public void Partition_UnknownName_IsRefusedNamingTheKnownOnes()
    {
        Assert.Null(AwsPartition.TryFromArn("arn:aws-iso:iam::111122223333:root"));
        var error = Assert.Throws<ArgumentException>(() => AwsPartition.FromName("aws-iso"));
        Assert.Contains("aws, aws-cn or aws-us-gov", error.Message, StringComparison.Ordinal);
    }
}

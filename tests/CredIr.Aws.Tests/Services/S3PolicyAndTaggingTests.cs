using CredIr.Aws.Tests.Support;

namespace CredIr.Aws.Tests.Services;

public sealed class S3PolicyAndTaggingTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    private const string Deny = """{"Version":"2012-10-17","Statement":[{"Sid":"NoDeletes","Effect":"Deny","Principal":"*","Action":"s3:DeleteObject","Resource":"arn:aws:s3:::policy-bucket/*"}]}""";

    [Fact]
    public async Task BucketPolicy_PutGetDelete_RoundTrips_AndNoPolicyIsNoSuchBucketPolicy()
    {
        using var clients = SandboxClients.Create(fixture.Sandbox);
        var s3 = clients.Admin().S3;
        await s3.CreateBucketAsync(new CreateBucketRequest("policy-bucket"));

        var none = await Assert.ThrowsAsync<AwsServiceException>(() => s3.GetBucketPolicyAsync(new GetBucketPolicyRequest("policy-bucket")));
        await s3.PutBucketPolicyAsync(new PutBucketPolicyRequest("policy-bucket", Deny));
        var stored = await s3.GetBucketPolicyAsync(new GetBucketPolicyRequest("policy-bucket"));
        await s3.DeleteBucketPolicyAsync(new DeleteBucketPolicyRequest("policy-bucket"));
        var deleted = await Assert.ThrowsAsync<AwsServiceException>(() => s3.GetBucketPolicyAsync(new GetBucketPolicyRequest("policy-bucket")));

        Assert.Equal("NoSuchBucketPolicy", none.Code);
        Assert.Equal(Deny, stored.Policy);
        Assert.Equal("NoSuchBucketPolicy", deleted.Code);
    }

    [Fact]
    public async Task GetBucketLocation_BucketInAnotherRegion_NamesIt_AndUsEast1ForTheEmptyConstraint()
    {
        using var clients = SandboxClients.Create(fixture.Sandbox);
        await clients.Admin(region: "eu-west-1").S3.CreateBucketAsync(new CreateBucketRequest("located-eu"));
        await clients.Admin().S3.CreateBucketAsync(new CreateBucketRequest("located-us"));

        var eu = await clients.Admin().S3.GetBucketLocationAsync(new GetBucketLocationRequest("located-eu"));
        var us = await clients.Admin().S3.GetBucketLocationAsync(new GetBucketLocationRequest("located-us"));
        var missing = await Assert.ThrowsAsync<AwsServiceException>(() => clients.Admin().S3.GetBucketLocationAsync(new GetBucketLocationRequest("no-such-bucket-here")));

        Assert.Equal(("eu-west-1", "us-east-1"), (eu.Region, us.Region));
        Assert.Equal("NoSuchBucket", missing.Code);
    }

    [Fact]
    public async Task BucketTagging_PutThenGet_ReturnsTheSet_AndNoneIsNoSuchTagSet()
    {
        using var clients = SandboxClients.Create(fixture.Sandbox);
        var s3 = clients.Admin().S3;
        await s3.CreateBucketAsync(new CreateBucketRequest("tagged-bucket"));

        var none = await Assert.ThrowsAsync<AwsServiceException>(() => s3.GetBucketTaggingAsync(new GetBucketTaggingRequest("tagged-bucket")));
        await s3.PutBucketTaggingAsync(new PutBucketTaggingRequest("tagged-bucket", new Dictionary<string, string> { ["app"] = "pay", ["env"] = "prod" }));
        var tags = await s3.GetBucketTaggingAsync(new GetBucketTaggingRequest("tagged-bucket"));

        Assert.Equal("NoSuchTagSet", none.Code);
        Assert.Equal(new Dictionary<string, string> { ["app"] = "pay", ["env"] = "prod" }, tags.Tags);
    }
}

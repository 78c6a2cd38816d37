using CredIr.Sandbox.Tests.Support;

namespace CredIr.Sandbox.Tests.Boto;

/// <summary>A bucket outside the caller's region: the sandbox answers as S3 does, and Debian's botocore follows it.</summary>
public sealed class S3BucketRegionTests
{
    [Fact]
    public async Task BucketInAnotherRegion_RequestSignedForUsEast1_IsAuthorizationHeaderMalformedNamingTheRegion_AndBotocoreFollowsIt()
    {
        await using var sandbox = await ShippedScenarios.StartAsync(ShippedScenarios.MultiAccountOrg);

        var result = await Boto3.RunAsync("s3_bucket_region.py", Boto3.Input(sandbox, sandbox.Accounts[0].AdminCredentials, new { bucket = "org-trail-eu" }));

        var raw = result.GetProperty("raw");
        Assert.Equal(400, raw.GetProperty("status").GetInt32());
        Assert.Equal("eu-west-1", raw.GetProperty("bucketRegion").GetString());
        Assert.Contains("<Code>AuthorizationHeaderMalformed</Code>", raw.GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Contains("<Region>eu-west-1</Region>", raw.GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.Equal("{}", result.GetProperty("body").GetString());
        Assert.Equal(["AWSLogs/trail.json"], result.GetProperty("listed").EnumerateArray().Select(static k => k.GetString()));
        Assert.Equal("eu-west-1", result.GetProperty("location").GetString());
    }
}

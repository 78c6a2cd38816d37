namespace CredIr.Aws.Tests.Core;

public sealed class AwsEndpointResolverTests
{
    private static AwsEndpointResolver Resolver(AwsClientOptions options, Dictionary<string, string>? environment = null) =>
        new(options, name => environment is not null && environment.TryGetValue(name, out var value) ? value : null);

    [Theory]
    [InlineData("eu-west-1", "https://iam.amazonaws.com/", "us-east-1")]
    [InlineData("cn-north-1", "https://iam.cn-north-1.amazonaws.com.cn/", "cn-north-1")]
    [InlineData("us-gov-east-1", "https://iam.us-gov.amazonaws.com/", "us-gov-west-1")]
    public void Iam_AnyRegion_UsesThePartitionsGlobalEndpointAndSigningRegion(string region, string url, string signingRegion)
    {
        var endpoint = Resolver(new AwsClientOptions()).Resolve(AwsServiceKind.Iam, region);

        Assert.Equal(new Uri(url), endpoint.Url);
        Assert.Equal(signingRegion, endpoint.SigningRegion);
        Assert.False(endpoint.IsOverridden);
    }

    [Theory]
    [InlineData(AwsServiceKind.Sts, "eu-west-1", "https://sts.eu-west-1.amazonaws.com/")]
    [InlineData(AwsServiceKind.CloudTrail, "cn-north-1", "https://cloudtrail.cn-north-1.amazonaws.com.cn/")]
    [InlineData(AwsServiceKind.Organizations, "eu-west-1", "https://organizations.us-east-1.amazonaws.com/")]
    public void Regional_Services_UseTheRegionsEndpoint(AwsServiceKind service, string region, string url) =>
        Assert.Equal(new Uri(url), Resolver(new AwsClientOptions()).Resolve(service, region).Url);

    [Fact]
    public void ServiceEnvironmentVariable_WinsOverTheGlobalOne()
    {
        var environment = new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:1111",
            ["AWS_ENDPOINT_URL_CLOUDTRAIL"] = "http://127.0.0.1:2222",
        };
        var resolver = Resolver(new AwsClientOptions(), environment);

        Assert.Equal(new Uri("http://127.0.0.1:2222"), resolver.Resolve(AwsServiceKind.CloudTrail, "us-east-1").Url);
        Assert.Equal(new Uri("http://127.0.0.1:1111"), resolver.Resolve(AwsServiceKind.Iam, "us-east-1").Url);
        Assert.True(resolver.Resolve(AwsServiceKind.Iam, "us-east-1").IsOverridden);
    }

    [Fact]
    public void IgnoreConfiguredEndpoints_True_FallsBackToAwsNames()
    {
        var environment = new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:1111",
            ["AWS_IGNORE_CONFIGURED_ENDPOINT_URLS"] = "true",
        };

        var endpoint = Resolver(new AwsClientOptions(), environment).Resolve(AwsServiceKind.Ec2, "us-west-2");

        Assert.Equal(new Uri("https://ec2.us-west-2.amazonaws.com"), endpoint.Url);
    }

    [Fact]
    public void ExplicitOptions_WinOverTheEnvironment()
    {
        var options = new AwsClientOptions { EndpointUrl = new Uri("http://127.0.0.1:3333") };
        options.ServiceEndpoints[AwsServiceKind.S3] = new Uri("http://127.0.0.1:4444");
        var resolver = Resolver(options, new Dictionary<string, string> { ["AWS_ENDPOINT_URL"] = "http://127.0.0.1:1111" });

        Assert.Equal(new Uri("http://127.0.0.1:3333"), resolver.Resolve(AwsServiceKind.Lambda, "us-east-1").Url);
        Assert.Equal(new Uri("http://127.0.0.1:4444"), resolver.Resolve(AwsServiceKind.S3, "us-east-1").Url);
    }

    [Fact]
    public void BadEnvironmentUrl_FailsNamingTheVariable()
    {
        var resolver = Resolver(new AwsClientOptions(), new Dictionary<string, string> { ["AWS_ENDPOINT_URL_IAM"] = "not a url" });

        var error = Assert.Throws<InvalidOperationException>(() => resolver.Resolve(AwsServiceKind.Iam, "us-east-1"));
        Assert.Contains("AWS_ENDPOINT_URL_IAM", error.Message, StringComparison.Ordinal);
    }
}

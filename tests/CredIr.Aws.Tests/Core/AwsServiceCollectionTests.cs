using CredIr.Aws.Tests.Support;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CredIr.Aws.Tests.Core;

public sealed class AwsServiceCollectionTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task AddCredIrAws_ConfiguredEndpoint_RuntimeFromTheContainerReachesTheSandbox()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Aws:Region"] = "eu-west-1",
            ["Aws:EndpointUrl"] = fixture.Sandbox.Endpoint.ToString(),
            ["Aws:MaxAttempts"] = "2",
            ["Aws:Organization:RoleName"] = "ResponderRole",
        }).Build();
        await using var provider = new ServiceCollection().AddLogging().AddCredIrAws(configuration).BuildServiceProvider();

        var runtime = provider.GetRequiredService<AwsRuntime>();
        var admin = fixture.Sandbox.Accounts[0];
        var identity = await runtime.CreateScope(AwsCredentialChain.FromKeys(admin.AdminAccessKeyId, admin.AdminSecretAccessKey)).Sts.GetCallerIdentityAsync();

        Assert.Equal(TestScenario.Management, identity.Account);
        Assert.Equal("eu-west-1", runtime.DefaultRegion);
        Assert.Equal(2, runtime.Options.MaxAttempts);
        Assert.Equal("ResponderRole", provider.GetRequiredService<IOptions<OrganizationSessionOptions>>().Value.RoleName);
    }

    [Fact]
    public void Options_ZeroAttempts_FailNamingTheKey()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new AwsClientOptions { MaxAttempts = 0 }.Validate());

        Assert.Contains("Aws:MaxAttempts", error.Message, StringComparison.Ordinal);
    }
}

using System.Text.Json;
using CredIr.Sandbox.Scenarios;
using CredIr.Sandbox.Tests.Support;

namespace CredIr.Sandbox.Tests.Boto;

/// <summary>An organization in AWS GovCloud (US): the ARNs, home region and refusals boto3 sees.</summary>
public sealed class PartitionTests
{
    private const string Management = "111111111111";
    private const string Member = "222222222222";

    [Fact]
    public async Task GovCloudOrganization_Boto3InUsGovWest1_SeesGovCloudArnsAndIamEventsInTheHomeRegion()
    {
        await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions { Port = 0, Scenario = GovCloud() }, CancellationToken.None);
        var roleArn = $"arn:aws-us-gov:iam::{Member}:role/OrganizationAccountAccessRole";

        var result = await Boto3.RunAsync("govcloud.py", Boto3.Input(sandbox, sandbox.Accounts[0].AdminCredentials, new { roleArn }));

        Assert.Equal($"arn:aws-us-gov:iam::{Management}:user/sandbox-admin", result.GetProperty("identity").GetString());
        Assert.Equal($"arn:aws-us-gov:iam::{Management}:user/probe", result.GetProperty("user").GetString());
        Assert.Equal($"arn:aws-us-gov:sts::{Member}:assumed-role/OrganizationAccountAccessRole/responder", result.GetProperty("assumed").GetString());
        Assert.Equal(["us-gov-east-1", "us-gov-west-1"], result.GetProperty("regions").EnumerateArray().Select(r => r.GetString()));
        var createUser = Assert.Single(result.GetProperty("createUserEvents").EnumerateArray());
        using var record = JsonDocument.Parse(createUser.GetString()!);
        Assert.Equal("us-gov-west-1", record.RootElement.GetProperty("awsRegion").GetString());
        Assert.Equal($"arn:aws-us-gov:iam::{Management}:user/sandbox-admin", record.RootElement.GetProperty("userIdentity").GetProperty("arn").GetString());
        Assert.Equal("InvalidClientTokenId", result.GetProperty("commercialRegion").GetProperty("code").GetString());
    }

    [Fact]
    public void Scenario_RegionOfAnotherPartition_IsRefusedNamingTheField()
    {
        var scenario = GovCloud() with { Regions = ["us-gov-west-1", "us-east-1"] };

        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Validate(scenario, "inline"));

        Assert.Contains("regions", error.Message, StringComparison.Ordinal);
        Assert.Contains("'us-east-1' is not a region of the aws-us-gov partition", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scenario_UnknownPartition_IsRefusedNamingTheChoices()
    {
        var error = Assert.Throws<ScenarioException>(() => ScenarioLoader.Validate(GovCloud() with { Partition = "aws-iso" }, "inline"));

        Assert.Contains("'aws-iso' is not an AWS partition (aws, aws-us-gov or aws-cn)", error.Message, StringComparison.Ordinal);
    }

    private static Scenario GovCloud() => new()
    {
        Partition = "aws-us-gov",
        Organization = new ScenarioOrganization
        {
            Accounts =
            [
                new ScenarioAccount { Id = Management, Name = "gov-mgmt", Management = true },
                new ScenarioAccount { Id = Member, Name = "gov-workload" },
            ],
        },
    };
}

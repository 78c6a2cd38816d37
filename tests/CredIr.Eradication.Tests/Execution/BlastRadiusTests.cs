using CredIr.Contracts.Calls;
using System.Text;
using CredIr.Aws;

namespace CredIr.Eradication.Tests.Execution;

/// <summary>
/// multi-account-org with the sample CMDB (payments runs in 111111111111, its resources are tagged app=pay or named
/// payments-*): the actor also launches an instance tagged app=pay, a bucket named payments-exfil and a role tagged
/// app=pay with the leaked key, and tags its user svc-maint app=ghost, an application the CMDB does not know.
/// </summary>
public sealed class BlastRadiusTests : IAsyncLifetime
{
    private EradicationSandbox _org = null!;
    private string _instance = null!;

    public async Task InitializeAsync()
    {
        var cmdb = RepoRoot.Combine("services", "Identification", "Cmdb", "sample-cmdb.json");
        _org = await EradicationSandbox.StartAsync("multi-account-org", cmdb);
        var actor = _org.As(_org.Sandbox.Principals.SelectMany(static p => p.AccessKeys).First(k => k.AccessKeyId == _org.LeakedKey));
        var launched = await actor.Ec2.RunInstancesAsync(new RunInstancesRequest("ami-0abcdef1234567890", "t3.micro") { Tags = [new Ec2Tag("app", "pay"), new Ec2Tag("Name", "batch")] });
        _instance = launched.Instances[0].InstanceId;
        await actor.S3.CreateBucketAsync(new CreateBucketRequest("payments-exfil"));
        await actor.S3.PutObjectAsync(new PutObjectRequest("payments-exfil", "cards.csv", Encoding.UTF8.GetBytes("pan\n4111\n")));
        await actor.Iam.CreateRoleAsync(new CreateRoleRequest("pay-runner", """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}"""));
        await actor.Iam.TagRoleAsync(new TagRoleRequest("pay-runner", [new IamTag("Application", "payments-api")]));
        await actor.Iam.TagUserAsync(new TagUserRequest("svc-maint", [new IamTag("app", "ghost")]));
    }

    public async Task DisposeAsync() => await _org.DisposeAsync();

    [Fact]
    public async Task ActorResourcesOfAnApplication_PlanNamesTheApplicationAndItsOwners_FromTagsAndTheCmdb()
    {
        var plan = await _org.PlanAsync(await _org.ScanAsync(TimeSpan.FromHours(5)));

        Assert.Equal(["ghost", "payments"], plan.BlastRadius.AffectedApplications);
        var warning = plan.BlastRadius.Warnings.Single(w => w.Contains("payments:", StringComparison.Ordinal));
        Assert.Contains("payments-owner@example.com", warning, StringComparison.Ordinal);
        Assert.Contains($"AWS::EC2::Instance {_instance}", warning, StringComparison.Ordinal);
        Assert.Contains("AWS::S3::Bucket payments-exfil", warning, StringComparison.Ordinal);
        Assert.Contains("AWS::IAM::Role pay-runner", warning, StringComparison.Ordinal);
        Assert.Contains("application ghost: this plan removes AWS::IAM::User svc-maint; the CMDB names no owner for it", plan.BlastRadius.Warnings);
        Assert.Equal("payments-api", plan.Steps.Single(s => s.Action == "iam:DeleteRole").Target.Tags["Application"]);
        var terminate = plan.Steps.Single(s => s.Action == "ec2:TerminateInstances" && s.Target.Id == _instance);
        Assert.Equal("pay", terminate.Target.Tags["app"]);
        Assert.Contains("application payments (tell Payments product owner <payments-owner@example.com>, Payments on-call <payments-oncall@example.com>)", terminate.Description, StringComparison.Ordinal);
        // The scenario's own instance in acme-prod is tagged for no application: its step names none.
        Assert.DoesNotContain("application", plan.Steps.Single(s => s.Action == "ec2:TerminateInstances" && s.Target.Id != _instance).Description, StringComparison.Ordinal);
        Assert.EndsWith("Affects application ghost.", plan.Steps.Single(s => s.Action == "iam:DeleteUser").Description, StringComparison.Ordinal);
    }
}

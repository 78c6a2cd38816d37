using CredIr.Contracts.Calls;
using CredIr.Aws;
using CredIr.Contracts.V1;

namespace CredIr.Eradication.Tests.Execution;

/// <summary>
/// multi-account-org: from ci-bot's leaked key the actor made user svc-maint and its key in the management account,
/// then, through the response role of acme-prod, an instance in us-west-2 and a function in eu-west-1.
/// </summary>
public sealed class MultiAccountExecutionTests : IAsyncLifetime
{
    private const string Prod = "222222222222";
    private EradicationSandbox _org = null!;

    public async Task InitializeAsync() => _org = await EradicationSandbox.StartAsync("multi-account-org");

    public async Task DisposeAsync() => await _org.DisposeAsync();

    private async Task<string> ActorInstanceAsync()
    {
        var ec2 = (await _org.AdminInAsync(Prod, "us-west-2")).Ec2;
        var instances = new List<Ec2Instance>();
        await foreach (var instance in ec2.DescribeInstancesAsync(new DescribeInstancesRequest()))
        {
            instances.Add(instance);
        }

        return Assert.Single(instances).InstanceId;
    }

    [Fact]
    public async Task LeakedKey_PlanAcrossAccountsAndRegions_DeletesExactlyWhatTheActorCreated()
    {
        var instance = await ActorInstanceAsync();

        var plan = await _org.PlanAsync(await _org.ScanAsync(TimeSpan.FromHours(5)));

        Assert.Equal(GroundTruth.ActorCreated(_org.GroundTruth, _ => instance), GroundTruth.Deleted(plan));
        var terminate = plan.Steps.Single(s => s.Action == "ec2:TerminateInstances");
        Assert.Equal((Prod, "us-west-2"), (terminate.Target.AccountId, terminate.Target.Region));
        var function = plan.Steps.Single(s => s.Action == "lambda:DeleteFunction");
        Assert.Equal((Prod, "eu-west-1"), (function.Target.AccountId, function.Target.Region));
    }

    [Fact]
    public async Task Approved_ActorResourcesGoneInEveryAccount_EverythingElseUntouched()
    {
        var instance = await ActorInstanceAsync();
        var plan = await _org.PlanAsync(await _org.ScanAsync(TimeSpan.FromHours(5)));
        var before = await _org.SnapshotAsync();

        var results = await _org.ExecuteAsync(await _org.ApprovedAsync(plan));

        Assert.All(results, r => Assert.Equal(StepStatus.Succeeded, r.Status));
        var after = await _org.SnapshotAsync();
        var removed = before.Except(after);
        Assert.Equal(
            [
                "111111111111 user svc-maint",
                "111111111111 user svc-maint attached arn:aws:iam::aws:policy/AdministratorAccess",
                "111111111111 user svc-maint key AKIA6SVCMAINTPERSIS7 Active",
                $"{Prod} eu-west-1 function log-forwarder arn:aws:iam::{Prod}:role/app-server",
                $"{Prod} us-west-2 instance {instance} running",
            ],
            removed.Order(StringComparer.Ordinal));
        // A terminated instance is still described for a while, as in EC2; nothing else appeared.
        Assert.Equal([$"{Prod} us-west-2 instance {instance} terminated"], after.Except(before));
        // The role and instance profile the actor passed were there before the actor: they stay.
        Assert.Contains($"{Prod} role app-server instance-profile app-server-profile", after.Lines);
    }
}

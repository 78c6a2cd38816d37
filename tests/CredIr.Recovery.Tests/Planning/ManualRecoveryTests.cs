using System.Text.Json.Nodes;
using CredIr.Aws;
using CredIr.Contracts.V1;
using CredIr.Recovery.Tests.Support;

namespace CredIr.Recovery.Tests.Planning;

/// <summary>
/// What no automated restore covers becomes a person's task: the actor attaches a policy to an existing user,
/// deletes a bucket the CMDB does not record, an object of an unversioned bucket and a role the CMDB does not
/// record. Each item is MANUAL with the exact commands, and executing the plan changes nothing in the cloud.
/// </summary>
public sealed class ManualRecoveryTests : IAsyncLifetime
{
    private const string Admin = "arn:aws:iam::aws:policy/AdministratorAccess";
    private const string Trust = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"Service":"lambda.amazonaws.com"},"Action":"sts:AssumeRole"}]}""";
    private RecoveryHarness _h = null!;

    public async Task InitializeAsync() => _h = await RecoveryHarness.StartAsync();

    public async Task DisposeAsync() => await _h.DisposeAsync();

    [Fact]
    public async Task ChangesWithoutAutomatedRestore_EachBecomesAManualTaskWithExactCommands_AndExecutingChangesNothing()
    {
        var admin = _h.Admin();
        await admin.S3.CreateBucketAsync(new CreateBucketRequest("acme-mgmt-scratch"));
        await admin.Iam.CreateRoleAsync(new CreateRoleRequest("nightly-export", Trust));
        var actor = _h.Attacker();
        await actor.Iam.AttachUserPolicyAsync(new AttachUserPolicyRequest("dave", Admin));
        await actor.S3.DeleteBucketAsync(new DeleteBucketRequest("acme-mgmt-scratch"));
        await actor.S3.DeleteObjectAsync(new DeleteObjectRequest("acme-mgmt-billing", "reports/2026-10.csv"));
        await actor.Iam.DeleteRoleAsync(new DeleteRoleRequest("nightly-export"));

        var plan = await _h.PlanAsync(_h.ActorEvents(Org.LeakedKey));
        var final = (await _h.ExecuteAsync(plan.Items)).Final();
        var attached = new List<IamAttachedPolicy>();
        await foreach (var policy in admin.Iam.ListAttachedUserPoliciesAsync(new ListAttachedUserPoliciesRequest("dave")))
        {
            attached.Add(policy);
        }

        Assert.Equal(
            ["arn:aws:iam::111111111111:role/nightly-export", "arn:aws:iam::111111111111:user/dave", "arn:aws:s3:::acme-mgmt-billing/reports/2026-10.csv", "arn:aws:s3:::acme-mgmt-scratch"],
            plan.Items.Select(i => i.Resource.Arn).Order(StringComparer.Ordinal));
        Assert.All(plan.Items, item =>
        {
            Assert.Equal(RecoveryStrategy.Manual, item.Strategy);
            Assert.NotEmpty(item.Rationale);
            var step = Assert.Single(item.Steps);
            Assert.Equal("manual:Task", step.Action);
            var instructions = JsonNode.Parse(step.ParametersJson)!["instructions"]!.AsArray().Select(i => (string)i!).ToList();
            Assert.Contains(instructions, i => i.Contains("aws ", StringComparison.Ordinal));
            Assert.Equal(StepStatus.Manual, final[item.ItemId].Status);
        });
        var dave = Instructions(plan.Items.Single(i => i.Resource.Id == "dave"));
        Assert.Contains($"aws iam detach-user-policy --user-name dave --policy-arn {Admin}", dave);
        Assert.Contains(Instructions(plan.Items.Single(i => i.Resource.Id == "nightly-export")), i => i.Contains("aws iam create-role --role-name nightly-export", StringComparison.Ordinal));
        Assert.Contains(Admin, attached.Select(a => a.PolicyArn));
        Assert.Empty(await _h.Updater.ReadAsync("inc-7", CancellationToken.None));
    }

    private static List<string> Instructions(RecoveryItem item) =>
        [.. item.Steps.SelectMany(s => JsonNode.Parse(s.ParametersJson)!["instructions"]!.AsArray().Select(i => (string)i!))];
}

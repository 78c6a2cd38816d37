using CredIr.Eradication.Planning;
using CredIr.Playbook.Extraction;

namespace CredIr.Eradication.Tests.Planning;

public sealed class VirtualMfaDevicePlanTests
{
    private const string Account = "111111111111";
    private const string Serial = $"arn:aws:iam::{Account}:mfa/token";

    private static TouchedResource Created(string type, string id) => new(type, id, ArnBuilder.For(type, id, Account, null), Account, null, ChangeKind.Created);

    // As the extractor yields it from CreateVirtualMFADevice: the name as id, the serial number as ARN.
    private static TouchedResource Device() => new("AWS::IAM::MFADevice", "token", Serial, Account, null, ChangeKind.Created);

    private static async Task<IReadOnlyList<PlannedStep>> PlanAsync(Dictionary<string, ResourceState> states, params TouchedResource[] created) =>
        (await new EradicationPlanner(new InMemoryStateReader(states)).PlanAsync(created, new EradicationPlanOptions(), CancellationToken.None)).Steps;

    [Fact]
    public async Task UnassignedActorDevice_Plan_DeletesItAlone()
    {
        var steps = await PlanAsync(new() { ["AWS::IAM::MFADevice token"] = new() }, Device());

        var delete = Assert.Single(steps);
        Assert.Equal("iam:DeleteVirtualMFADevice", delete.Action);
        Assert.Equal(Serial, delete.Target.Id);
        Assert.Empty(delete.DependsOn);
    }

    [Fact]
    public async Task ActorDeviceOnLegitimateUser_Plan_DeactivatesThenDeletes_AndKeepsTheUser()
    {
        var steps = await PlanAsync(new() { ["AWS::IAM::MFADevice token"] = new() { Owner = "alice" } }, Device());

        Assert.Equal(["iam:DeactivateMFADevice", "iam:DeleteVirtualMFADevice"], steps.Select(s => s.Action));
        Assert.Equal(("AWS::IAM::User", "alice", Serial), (steps[0].Target.Type, steps[0].Target.Id, steps[0].Parameter));
        Assert.Equal([steps[0].Id], steps[1].DependsOn);
        Assert.DoesNotContain(steps, s => s.Action == "iam:DeleteUser");
    }

    [Fact]
    public async Task ActorDeviceOnActorUser_ListedBeforeTheUser_PlannedOnceWithTheUsersSteps()
    {
        var states = new Dictionary<string, ResourceState>
        {
            ["AWS::IAM::MFADevice token"] = new() { Owner = "mallory" },
            ["AWS::IAM::User mallory"] = new() { MfaDevices = [Serial] },
        };

        var steps = await PlanAsync(states, Device(), Created("AWS::IAM::User", "mallory"));

        Assert.Equal(["iam:DeactivateMFADevice", "iam:DeleteVirtualMFADevice", "iam:DeleteUser"], steps.Select(s => s.Action));
        Assert.Equal([steps[1].Id], steps[2].DependsOn);
        Assert.Equal([steps[0].Id], steps[1].DependsOn);
        Assert.Equal("mallory", steps[0].Target.Id);
    }
}

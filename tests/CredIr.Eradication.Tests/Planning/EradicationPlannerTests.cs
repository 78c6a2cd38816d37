using CredIr.Eradication.Planning;
using CredIr.Playbook.Extraction;

namespace CredIr.Eradication.Tests.Planning;

public sealed class EradicationPlannerTests
{
    private const string Account = "111111111111";

    private static TouchedResource Created(string type, string id) => new(type, id, ArnBuilder.For(type, id, Account, "us-east-1"), Account, null, ChangeKind.Created);

    private static async Task<IReadOnlyList<PlannedStep>> PlanAsync(Dictionary<string, ResourceState> states, bool allowEmptying, params TouchedResource[] created) =>
        (await new EradicationPlanner(new InMemoryStateReader(states)).PlanAsync(created, new EradicationPlanOptions { AllowEmptyingBuckets = allowEmptying }, CancellationToken.None)).Steps;

    private static int IndexOf(IReadOnlyList<PlannedStep> steps, string action) => steps.ToList().FindIndex(s => s.Action == action);

    private static void AssertTopological(IReadOnlyList<PlannedStep> steps)
    {
        var seen = new HashSet<string>();
        foreach (var step in steps)
        {
            Assert.All(step.DependsOn, d => Assert.Contains(d, seen));
            seen.Add(step.Id);
        }
    }

    [Fact]
    public async Task User_EverythingAttachedGoesFirst_ThenTheUser()
    {
        var states = new Dictionary<string, ResourceState>
        {
            ["AWS::IAM::User mallory"] = new()
            {
                AttachedPolicies = ["arn:aws:iam::aws:policy/AdministratorAccess", "arn:aws:iam::aws:policy/ReadOnlyAccess"],
                InlinePolicies = ["escalate"],
                AccessKeys = ["AKIAMALLORY000000001", "AKIAMALLORY000000002"],
                HasLoginProfile = true,
                MfaDevices = [$"arn:aws:iam::{Account}:mfa/mallory"],
                Groups = ["admins"],
            },
        };

        var steps = await PlanAsync(states, false, Created("AWS::IAM::User", "mallory"));

        AssertTopological(steps);
        var deleteUser = steps[^1];
        Assert.Equal("iam:DeleteUser", deleteUser.Action);
        Assert.Equal(
            ["iam:DetachUserPolicy", "iam:DetachUserPolicy", "iam:DeleteUserPolicy", "iam:DeleteAccessKey", "iam:DeleteAccessKey", "iam:DeleteLoginProfile", "iam:DeleteVirtualMFADevice", "iam:RemoveUserFromGroup"],
            deleteUser.DependsOn.Select(id => steps.Single(s => s.Id == id).Action));
        Assert.True(IndexOf(steps, "iam:DeactivateMFADevice") < IndexOf(steps, "iam:DeleteVirtualMFADevice"));
        Assert.Equal(10, steps.Count);
    }

    [Fact]
    public async Task InstanceProfile_RoleRemovedAndProfileDeleted_BeforeTheRole()
    {
        var states = new Dictionary<string, ResourceState>
        {
            ["AWS::IAM::Role ops"] = new() { AttachedPolicies = ["arn:aws:iam::aws:policy/AdministratorAccess"], InstanceProfiles = ["ops-profile"] },
            ["AWS::IAM::InstanceProfile ops-profile"] = new() { Roles = ["ops"] },
        };

        // The role comes first in the input on purpose: order must come from dependencies, not input.
        var steps = await PlanAsync(states, false, Created("AWS::IAM::Role", "ops"), Created("AWS::IAM::InstanceProfile", "ops-profile"), Created("AWS::EC2::Instance", "i-0abc"));

        AssertTopological(steps);
        Assert.Single(steps, s => s.Action == "iam:RemoveRoleFromInstanceProfile");
        Assert.True(IndexOf(steps, "ec2:TerminateInstances") < IndexOf(steps, "iam:DeleteInstanceProfile"));
        Assert.True(IndexOf(steps, "iam:RemoveRoleFromInstanceProfile") < IndexOf(steps, "iam:DeleteInstanceProfile"));
        Assert.True(IndexOf(steps, "iam:DeleteInstanceProfile") < IndexOf(steps, "iam:DeleteRole"));
        Assert.Contains(steps.Single(s => s.Action == "iam:DeleteInstanceProfile").Id, steps.Single(s => s.Action == "iam:DeleteRole").DependsOn);
    }

    [Theory]
    [InlineData(true, false, "s3:PutBucketPolicy(IsolateForForensics)")]
    [InlineData(true, true, "s3:DeleteObjects(AllVersions),s3:DeleteBucket")]
    [InlineData(false, false, "s3:DeleteBucket")]
    public async Task Bucket_EmptiedOnlyWhenAllowed_ElseIsolated(bool hasObjects, bool allowed, string expected)
    {
        var states = new Dictionary<string, ResourceState> { ["AWS::S3::Bucket loot"] = new() { HasObjects = hasObjects } };

        var steps = await PlanAsync(states, allowed, Created("AWS::S3::Bucket", "loot"));

        Assert.Equal(expected.Split(','), steps.Select(s => s.Action));
    }

    [Fact]
    public async Task GoneResources_AreNotPlanned()
    {
        var states = new Dictionary<string, ResourceState> { ["AWS::Lambda::Function f"] = ResourceState.Gone };

        var steps = await PlanAsync(states, false, Created("AWS::Lambda::Function", "f"), Created("AWS::Lambda::Function", "g"));

        Assert.Equal("lambda:DeleteFunction|111111111111|g", Assert.Single(steps).Id);
    }

    [Fact]
    public async Task KeyCreatedForAUserAlsoDeleted_IsOneStep()
    {
        var states = new Dictionary<string, ResourceState>
        {
            ["AWS::IAM::User u2"] = new() { AccessKeys = ["AKIAU2KEY00000000002"] },
            ["AWS::IAM::AccessKey AKIAU2KEY00000000002"] = new() { Owner = "u2" },
        };

        var steps = await PlanAsync(states, false, Created("AWS::IAM::AccessKey", "AKIAU2KEY00000000002"), Created("AWS::IAM::User", "u2"));

        Assert.Equal(["iam:DeleteAccessKey", "iam:DeleteUser"], steps.Select(s => s.Action));
    }

    [Fact]
    public async Task UnknownType_IsAManualStep()
    {
        var steps = await PlanAsync([], false, Created("AWS::Glue::Job", "exfil"));

        var step = Assert.Single(steps);
        Assert.True(step.Manual);
        Assert.Contains("by hand", step.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImageBeforeSnapshot_AndNetworkBeforeVpc()
    {
        var steps = await PlanAsync([], false,
            Created("AWS::EC2::VPC", "vpc-1"), Created("AWS::EC2::Snapshot", "snap-1"), Created("AWS::EC2::Subnet", "subnet-1"),
            Created("AWS::EC2::Image", "ami-1"), Created("AWS::EC2::InternetGateway", "igw-1"));

        AssertTopological(steps);
        Assert.True(IndexOf(steps, "ec2:DeregisterImage") < IndexOf(steps, "ec2:DeleteSnapshot"));
        Assert.True(IndexOf(steps, "ec2:DeleteSubnet") < IndexOf(steps, "ec2:DeleteVpc"));
        Assert.True(IndexOf(steps, "ec2:DeleteInternetGateway") < IndexOf(steps, "ec2:DeleteVpc"));
    }
}

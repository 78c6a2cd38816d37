using System.Text.Json.Nodes;
using CredIr.Eradication.Closure;
using CredIr.Playbook.Extraction;
using static CredIr.Eradication.Tests.TrailJson;

namespace CredIr.Eradication.Tests.Closure;

/// <summary>
/// The actor's session launches an instance with a role passed through an instance profile; EC2 mints the
/// instance's keys itself, so no record shows them issued. The instance's calls reveal its key, which must be
/// reported (containment acts on keys). Another instance of the same role, running legitimately, is never the actor's.
/// </summary>
public sealed class InstanceRoleClosureTests : IDisposable
{
    private const string A = "111111111111";
    private const string B = "222222222222";
    private const string Leaked = "AKIALEAKED0000000001";
    private const string ActorSession = "ASIAACTORSESSION0002";
    private const string InstanceKey = "ASIAINSTANCEKEY00003";
    private const string LegitimateInstanceKey = "ASIALEGITINSTANCE004";
    private readonly TempFolder _folder = new();

    public InstanceRoleClosureTests()
    {
        var actor = Session(B, "OrganizationAccountAccessRole", "maint", ActorSession);
        var instance = Session(B, "app-server", "i-0actor", InstanceKey);
        var legitimate = Session(B, "app-server", "i-0legit", LegitimateInstanceKey);
        _folder.Write($"AWSLogs/{A}/CloudTrail/us-east-1/2024/01/01/{A}_CloudTrail_us-east-1_20240101T0015Z_a.json", File(
            AssumeRole(1, User(A, "ci-bot", Leaked), $"arn:aws:iam::{B}:role/OrganizationAccountAccessRole", "maint", ActorSession)));
        _folder.Write($"AWSLogs/{B}/CloudTrail/us-west-2/2024/01/01/{B}_CloudTrail_us-west-2_20240101T0015Z_b.json", File(
            Record(2, actor, "ec2.amazonaws.com", "RunInstances",
                new JsonObject { ["instanceType"] = "t3.large", ["iamInstanceProfile"] = new JsonObject { ["name"] = "app-server-profile" } },
                new JsonObject { ["instancesSet"] = new JsonObject { ["items"] = new JsonArray(new JsonObject { ["instanceId"] = "i-0actor" }) } },
                region: "us-west-2"),
            Record(5, legitimate, "sts.amazonaws.com", "GetCallerIdentity", region: "us-west-2", readOnly: true),
            Record(6, instance, "sts.amazonaws.com", "GetCallerIdentity", region: "us-west-2", readOnly: true),
            Record(7, legitimate, "s3.amazonaws.com", "ListBuckets", region: "us-west-2", readOnly: true),
            Record(8, instance, "s3.amazonaws.com", "ListBuckets", region: "us-west-2", readOnly: true)));
    }

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task InstanceLaunchedWithPassedRole_ItsCallsRevealItsKey_ReportedAsDerivedFromTheLaunchingSession()
    {
        var updates = await Sources.RunAsync(_folder.Path, new ClosureRequest { Credentials = [InitialCredentials.AccessKey(Leaked, T0)], Since = T0 });

        var found = Assert.Single(updates.OfType<CredentialFound>(), c => c.Credential.Credential.AccessKeyId == InstanceKey).Credential;
        Assert.Equal(CredentialKind.RoleSession, found.Credential.Kind);
        Assert.Equal($"arn:aws:sts::{B}:assumed-role/app-server/i-0actor", found.Credential.PrincipalArn);
        Assert.Equal("RunInstances", found.Credential.CreatedByEventName);
        Assert.Equal("key:" + ActorSession, found.DerivedFrom);
        Assert.Equal(2, found.Depth);
        Assert.Equal(B, found.Credential.AccountId);
    }

    [Fact]
    public async Task AnotherInstanceOfTheSameRole_NeitherItsCallsNorItsKeyAreTheActors()
    {
        var updates = await Sources.RunAsync(_folder.Path, new ClosureRequest { Credentials = [InitialCredentials.AccessKey(Leaked, T0)], Since = T0 });

        var keys = updates.OfType<EventFound>().Select(e => e.Event.Record.UserIdentity.AccessKeyId).ToList();
        Assert.Equal(2, keys.Count(k => k == InstanceKey));
        Assert.DoesNotContain(LegitimateInstanceKey, keys);
        Assert.DoesNotContain(updates.OfType<CredentialFound>(), c => c.Credential.Credential.AccessKeyId == LegitimateInstanceKey);
    }
}

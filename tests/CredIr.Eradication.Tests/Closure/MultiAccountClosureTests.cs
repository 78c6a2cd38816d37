using System.Text.Json.Nodes;
using CredIr.Eradication.Closure;
using static CredIr.Eradication.Tests.TrailJson;

namespace CredIr.Eradication.Tests.Closure;

/// <summary>
/// A three-hop chain across two accounts, with a legitimate user of the same role interleaved:
/// alice's key (111) creates user u2 and a key for it; u2's key assumes role ops in account 222; that session
/// creates a key for user deploy in 222; deploy's key launches an instance and writes an object. Meanwhile bob
/// legitimately assumes the same role and deletes a bucket: none of bob's calls may be attributed.
/// </summary>
public sealed class MultiAccountClosureTests : IDisposable
{
    private const string A = "111111111111";
    private const string B = "222222222222";
    private const string Alice = "AKIAALICE00000000001";
    private const string U2Key = "AKIAU2KEY00000000002";
    private const string OpsSession = "ASIAOPSSESSION000003";
    private const string DeployKey = "AKIADEPLOY000000004";
    private const string BobKey = "AKIABOB0000000000005";
    private const string BobSession = "ASIABOBSESSION000006";
    private readonly TempFolder _folder = new();

    public MultiAccountClosureTests()
    {
        var u2 = User(A, "u2", U2Key);
        var ops = Session(B, "ops", "s", OpsSession);
        var bobOps = Session(B, "ops", "bob", BobSession);
        _folder.Write($"AWSLogs/{A}/CloudTrail/us-east-1/2024/01/01/{A}_CloudTrail_us-east-1_20240101T0015Z_a.json.gz", File(
            Record(1, User(A, "alice", Alice), "iam.amazonaws.com", "CreateUser", new JsonObject { ["userName"] = "u2" },
                new JsonObject { ["user"] = new JsonObject { ["arn"] = $"arn:aws:iam::{A}:user/u2", ["userName"] = "u2" } }),
            CreateAccessKey(2, User(A, "alice", Alice), "u2", U2Key),
            AssumeRole(3, u2, $"arn:aws:iam::{B}:role/ops", "s", OpsSession),
            Record(3, User(A, "alice", Alice), "sts.amazonaws.com", "GetCallerIdentity", readOnly: true)));
        _folder.Write($"AWSLogs/{B}/CloudTrail/eu-west-1/2024/01/01/{B}_CloudTrail_eu-west-1_20240101T0015Z_b.json", File(
            AssumeRole(3, User(B, "bob", BobKey), $"arn:aws:iam::{B}:role/ops", "bob", BobSession),
            CreateAccessKey(4, ops, "deploy", DeployKey),
            Record(5, User(B, "deploy", DeployKey), "ec2.amazonaws.com", "RunInstances", new JsonObject { ["instanceType"] = "p4d.24xlarge" },
                new JsonObject { ["instancesSet"] = new JsonObject { ["items"] = new JsonArray(new JsonObject { ["instanceId"] = "i-0abc" }) } }, region: "eu-west-1"),
            Record(6, User(B, "deploy", DeployKey), "s3.amazonaws.com", "PutObject", new JsonObject { ["bucketName"] = "loot", ["key"] = "x" }, region: "eu-west-1"),
            Record(6, bobOps, "s3.amazonaws.com", "DeleteBucket", new JsonObject { ["bucketName"] = "old-logs" }, region: "eu-west-1"),
            Record(7, bobOps, "iam.amazonaws.com", "CreateAccessKey", new JsonObject { ["userName"] = "deploy" },
                new JsonObject { ["accessKey"] = new JsonObject { ["accessKeyId"] = "AKIALEGIT00000000007", ["userName"] = "deploy" } })));
    }

    public void Dispose() => _folder.Dispose();

    private Task<List<ClosureUpdate>> RunAsync(bool follow = true, int maxDepth = 0) => Sources.RunAsync(_folder.Path, new ClosureRequest
    {
        Credentials = [InitialCredentials.AccessKey(Alice, T0)],
        Since = T0,
        Follow = follow,
        MaxDepth = maxDepth,
    });

    [Fact]
    public async Task ThreeHops_AcrossAccounts_EveryActorCallAndCredentialFound()
    {
        var updates = await RunAsync();

        var events = updates.OfType<EventFound>().Select(e => e.Event.Record.EventName).Order(StringComparer.Ordinal);
        var credentials = updates.OfType<CredentialFound>().Select(c => c.Credential).ToDictionary(c => c.Identity);
        Assert.Equal(["AssumeRole", "CreateAccessKey", "CreateAccessKey", "CreateUser", "GetCallerIdentity", "PutObject", "RunInstances"], events);
        Assert.Equal(0, credentials["key:" + Alice].Depth);
        Assert.Equal(1, credentials["key:" + U2Key].Depth);
        Assert.Equal(2, credentials["key:" + OpsSession].Depth);
        Assert.Equal(3, credentials["key:" + DeployKey].Depth);
        Assert.Equal("key:" + OpsSession, credentials["key:" + DeployKey].DerivedFrom);
        Assert.Equal(B, credentials["key:" + OpsSession].Credential.AccountId);
        Assert.Equal(4, updates.OfType<ClosureCompleted>().Single().Summary.Rounds);
    }

    [Fact]
    public async Task LegitimateSessionsOfTheSameRole_AreNeverAttributed()
    {
        var updates = await RunAsync();

        var events = updates.OfType<EventFound>().Select(e => e.Event.Record).ToList();
        Assert.DoesNotContain(events, r => r.UserIdentity.AccessKeyId is BobKey or BobSession);
        Assert.DoesNotContain(updates.OfType<CredentialFound>(), c => c.Credential.Credential.AccessKeyId is BobSession or "AKIALEGIT00000000007");
    }

    [Fact]
    public async Task Summary_ListsWhatTheActorCreated()
    {
        var summary = (await RunAsync()).OfType<ClosureCompleted>().Single().Summary;

        var created = summary.Created.Select(r => $"{r.Type} {r.Id} {r.AccountId}").Order(StringComparer.Ordinal);
        Assert.Equal(
            [
                $"AWS::EC2::Instance i-0abc {B}",
                $"AWS::IAM::AccessKey {DeployKey} {B}",
                $"AWS::IAM::AccessKey {U2Key} {A}",
                $"AWS::IAM::User u2 {A}",
                $"AWS::S3::Object x {B}",
            ],
            created);
        Assert.DoesNotContain(summary.Deleted, r => r.Id == "old-logs");
    }

    [Fact]
    public async Task MaxDepth_StopsFollowing_ButReportsTheDeeperCredential()
    {
        var updates = await RunAsync(maxDepth: 2);

        var deploy = Assert.Single(updates.OfType<CredentialFound>(), c => c.Credential.Credential.AccessKeyId == DeployKey).Credential;
        Assert.False(deploy.Followed);
        Assert.DoesNotContain(updates.OfType<EventFound>(), e => e.Event.Record.UserIdentity.AccessKeyId == DeployKey);
        Assert.Contains(updates.OfType<EventFound>(), e => e.Event.Record.UserIdentity.AccessKeyId == OpsSession);
    }

    [Fact]
    public async Task NoFollow_ReportsDerivedCredentials_ScansOnlyTheGivenOne()
    {
        var updates = await RunAsync(follow: false);

        Assert.All(updates.OfType<EventFound>(), e => Assert.Equal(Alice, e.Event.Record.UserIdentity.AccessKeyId));
        Assert.Equal(2, updates.OfType<CredentialFound>().Count(c => c.Credential.Depth == 1 && !c.Credential.Followed));
        Assert.Equal(1, updates.OfType<ClosureCompleted>().Single().Summary.Rounds);
    }

    [Fact]
    public async Task AccountScope_GivenAccountOnly_TheLeakedKeysRoundReadsOnlyIt()
    {
        var updates = await Sources.RunAsync(_folder.Path, new ClosureRequest
        {
            Credentials = [InitialCredentials.AccessKey(Alice, T0)],
            Since = T0,
            Accounts = [A],
            Follow = false,
        });

        Assert.DoesNotContain(updates.OfType<EventFound>(), e => e.Event.Record.AccountId == B);
        Assert.Contains(updates.OfType<CredentialFound>(), c => c.Credential.Credential.AccessKeyId == U2Key);
    }

    [Fact]
    public async Task AccountScope_DerivedSessionInAnotherAccount_ThatAccountIsReadForIt()
    {
        // The scope a responder (or identification) gives is the leaked key's account; the session it assumed lives in B.
        var updates = await Sources.RunAsync(_folder.Path, new ClosureRequest
        {
            Credentials = [InitialCredentials.AccessKey(Alice, T0)],
            Since = T0,
            Accounts = [A],
        });

        var inB = updates.OfType<EventFound>().Where(e => e.Event.Record.AccountId == B).Select(e => e.Event.Record).ToList();
        Assert.Contains(inB, r => r.EventName == "RunInstances" && r.UserIdentity.AccessKeyId == DeployKey);
        Assert.DoesNotContain(inB, r => r.UserIdentity.AccessKeyId is BobKey or BobSession);
        Assert.Contains(updates.OfType<CredentialFound>(), c => c.Credential.Credential.AccessKeyId == DeployKey);
    }
}

using CredIr.Eradication.Closure;
using CredIr.Playbook.Classification;
using CredIr.Playbook.Extraction;

namespace CredIr.Eradication.Tests.Closure;

/// <summary>
/// The invictus-stratus dataset (55 real CloudTrail files): compromised key AKIATFQR7NSC8Q4X20BJ (bert-jan) from
/// its first call, 2023-07-10T11:54:33Z. Ground truth established with jq over the files (see each test), matching
/// SOURCE.md/SUMMARY.md: 2104 calls by the seed key; the keys it minted (10 AssumeRole sessions, 2 CreateAccessKey);
/// the sessions of the two instances it launched with instance profiles; the ConsoleLogin of the user it created.
/// </summary>
public sealed class InvictusClosureTests
{
    private const string SeedKey = "AKIATFQR7NSC8Q4X20BJ";
    private static readonly DateTimeOffset Since = new(2023, 7, 10, 11, 54, 33, TimeSpan.Zero);
    private static readonly Lazy<Task<List<ClosureUpdate>>> Run = new(() => Sources.RunAsync(
        Datasets.InvictusStratus,
        new ClosureRequest { Credentials = [InitialCredentials.AccessKey(SeedKey, Since)], Since = Since }));

    private static async Task<List<AttributedEvent>> EventsAsync() =>
        [.. (await Run.Value).OfType<EventFound>().Select(e => e.Event)];

    private static async Task<List<TrackedCredential>> CredentialsAsync() =>
        [.. (await Run.Value).OfType<CredentialFound>().Select(c => c.Credential)];

    private static async Task<ClosureSummary> SummaryAsync() => (await Run.Value).OfType<ClosureCompleted>().Single().Summary;

    [Fact]
    public async Task SeedKey_AllItsCallsAreAttributed()
    {
        // jq -c '.Records[] | select(.userIdentity.accessKeyId=="AKIATFQR7NSC8Q4X20BJ")' | wc -l  -> 2104 (SUMMARY.md agrees).
        var events = await EventsAsync();

        Assert.Equal(2104, events.Count(e => e.Record.UserIdentity.AccessKeyId == SeedKey));
    }

    [Fact]
    public async Task DerivedSessions_UsedAfterwards_AreAttributedByTheirExactKeys()
    {
        // jq over the minted keys' own calls: WLLE7IWW 29 GetPasswordData, 2632JLFK 15 DescribeInstanceAttribute,
        // VW2R4OHT 1 LeaveOrganization, 7TITDFL2 and XLFJ4S5E 1 RunInstances each; the other 5 minted sessions are never used.
        var byKey = (await EventsAsync()).Where(e => e.Credential.Depth == 1 && e.Record.UserIdentity.AccessKeyId is { } k && k.StartsWith("ASIA", StringComparison.Ordinal))
            .GroupBy(e => e.Record.UserIdentity.AccessKeyId!)
            .ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(29, byKey["ASIATFQR7NSCWLLE7IWW"]);
        Assert.Equal(15, byKey["ASIATFQR7NSC2632JLFK"]);
        Assert.Equal(1, byKey["ASIATFQR7NSCVW2R4OHT"]);
        Assert.Equal(1, byKey["ASIATFQR7NSC7TITDFL2"]);
        Assert.Equal(1, byKey["ASIATFQR7NSCXLFJ4S5E"]);
        // The instance-profile sessions of the two instances the actor launched (session name = instance id):
        // i-0dbc91f429e48eeed used by ASIATFQR7NSC36DZQP7P (2, stolen, from the actor's IP) and ASIATFQR7NSCSHSEVYP5 (13),
        // i-05c30218156bcc246 by ASIATFQR7NSCWFKWOWVD (8).
        Assert.Equal(2, byKey["ASIATFQR7NSC36DZQP7P"]);
        Assert.Equal(13, byKey["ASIATFQR7NSCSHSEVYP5"]);
        Assert.Equal(8, byKey["ASIATFQR7NSCWFKWOWVD"]);
        Assert.Equal(8, byKey.Count);
    }

    [Fact]
    public async Task CreatedUser_ConsoleLogin_IsAttributed()
    {
        // The only call by a user the actor created: ConsoleLogin of stratus-red-team-nmfalu-gfjyeaypjt at 12:23:15 (no key id).
        var login = Assert.Single(await EventsAsync(), e => e.Record.EventName == "ConsoleLogin");

        Assert.Equal("arn:aws:iam::123837392027:user/stratus-red-team-nmfalu-gfjyeaypjt", login.Record.UserIdentity.Arn);
        Assert.Contains("ConsoleLogin", login.Classification.MatchedRules);
    }

    [Fact]
    public async Task Totals_SeedPlusDerivedUse_AndTheFixedPointEndsAfterTwoRounds()
    {
        // 2104 seed calls + 47 by minted sessions + 23 by instance sessions + 1 ConsoleLogin = 2175.
        var summary = await SummaryAsync();

        Assert.Equal(2175, summary.EventsAttributed);
        Assert.Equal(2175, (await EventsAsync()).Select(e => e.Record.EventId).Distinct().Count());
        Assert.Equal(2, summary.Rounds);
        Assert.True(summary.Complete);
    }

    [Fact]
    public async Task DerivedCredentials_AreExactlyWhatTheSeedKeyMinted()
    {
        // Successful seed-key calls (jq, errorCode == null): 10 AssumeRole with minted keys, 2 CreateAccessKey,
        // 2 CreateLoginProfile, 4 CreateUser, 13 distinct roles created or re-trusted, 2 RunInstances with a profile,
        // 2 CreateFunction with a role = 35 derived, + the seed = 36. EC2 minted the two instances' keys, so no record
        // shows them issued: their sessions' calls reveal three (jq: userIdentity.arn of assumed-role/*/i-*) = 39.
        var credentials = await CredentialsAsync();
        var derived = credentials.Where(c => c.Depth == 1).ToList();
        var revealed = derived.Where(c => c.Credential.CreatedByEventName == "RunInstances" && c.Credential.AccessKeyId is not null).ToList();

        Assert.Equal(39, credentials.Count);
        Assert.Equal(38, derived.Count);
        Assert.Equal(["ASIATFQR7NSC36DZQP7P", "ASIATFQR7NSCSHSEVYP5", "ASIATFQR7NSCWFKWOWVD"], revealed.Select(c => c.Credential.AccessKeyId).Order(StringComparer.Ordinal));
        Assert.Equal(10, derived.Except(revealed).Count(c => c.Credential.Kind == CredentialKind.RoleSession));
        Assert.Equal(["AKIATFQR7NSC3ZO6PKAZ", "AKIATFQR7NSCQLA2F4OD"], derived.Where(c => c.Credential.Kind == CredentialKind.AccessKey).Select(c => c.Credential.AccessKeyId).Order(StringComparer.Ordinal));
        Assert.Equal(2, derived.Count(c => c.Credential.Kind == CredentialKind.LoginProfile));
        Assert.Equal(
            ["malicious-iam-user", "stratus-red-team-backdoor-u-user", "stratus-red-team-login-profile-user", "stratus-red-team-nmfalu-gfjyeaypjt"],
            derived.Where(c => c.Credential.Kind == CredentialKind.IamUser).Select(c => c.Credential.UserName).Order(StringComparer.Ordinal));
        Assert.All(derived, c => Assert.Equal("key:" + SeedKey, c.DerivedFrom));
        Assert.Equal(
            "bbe86c7c-5981-4ac8-ad20-9248612b16c1",
            Assert.Single(derived, c => c.Credential.AccessKeyId == "ASIATFQR7NSCWLLE7IWW").Credential.CreatedByEventId);
    }

    [Fact]
    public async Task LegitimateUsers_NoneOfTheirCallsAreAttributed()
    {
        // benjamin (two AKIA keys and console ASIA sessions) and bert-jan's own console sessions from 10.8.8.10 run in
        // parallel (SUMMARY.md "Background / noise principals"); none may be in the actor's result.
        var events = await EventsAsync();

        Assert.DoesNotContain(events, e => e.Record.UserIdentity.UserName == "benjamin" || (e.Record.UserIdentity.Arn ?? "").EndsWith("/benjamin", StringComparison.Ordinal));
        Assert.DoesNotContain(events, e => e.Record.SourceIpAddress == "10.8.8.10");
        Assert.DoesNotContain(events, e => e.Record.UserIdentity.Type == "AWSService");
    }

    [Fact]
    public async Task Categories_SensitiveReadsAndEvasionAreCounted()
    {
        // jq on the attributed set: GetSecretValue 60, GetParameter 82 + GetParameters 5, GetPasswordData 29,
        // DescribeInstanceAttribute(userData) 10 by the seed key + 15 by its session.
        var summary = await SummaryAsync();
        var events = await EventsAsync();

        Assert.Equal(60, events.Count(e => e.Classification.MatchedRules.Contains("SecretRead")));
        Assert.True(summary.EventsByCategory[EventCategories.DefenseEvasion] >= 10);
        Assert.Contains(events, e => e.Record.EventName == "LeaveOrganization" && e.Classification.Categories.HasFlag(EventCategories.DefenseEvasion | EventCategories.FailedAttempt));
    }

    [Fact]
    public async Task LifecycleRuleOnTheTrailBucket_GivenTheTrailBuckets_IsDefenseEvasion()
    {
        // The cloudtrail-lifecycle-rule detonation (12:00:35) puts a 1-day expiration on the trail's bucket.
        var updates = await Sources.RunAsync(Datasets.InvictusStratus, new ClosureRequest
        {
            Credentials = [InitialCredentials.AccessKey(SeedKey, Since)],
            Since = Since,
            Follow = false,
            TrailBuckets = ["stratus-red-team-ctlr-bucket-zqfsvooxqj"],
        });

        var lifecycle = Assert.Single(updates.OfType<EventFound>(), e => e.Event.Record.EventName == "PutBucketLifecycle").Event;
        Assert.Contains("TrailBucketLifecycle", lifecycle.Classification.MatchedRules);
        Assert.True(lifecycle.Classification.Categories.HasFlag(EventCategories.DefenseEvasion));
    }
}

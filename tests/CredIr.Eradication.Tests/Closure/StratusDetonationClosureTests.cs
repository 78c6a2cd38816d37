using CredIr.Eradication.Closure;
using CredIr.Playbook.Extraction;

namespace CredIr.Eradication.Tests.Closure;

/// <summary>
/// The DataDog stratus-red-team detonation logs: one technique per file, one seed key per file (anonymised per file,
/// so minted-key-then-use links hold within a file). Counts come from jq over each file and match SUMMARY.md's
/// "Ground-truth notes for tests". The whole folder is the source; the seed key selects the file.
/// </summary>
public sealed class StratusDetonationClosureTests
{
    private static readonly DateTimeOffset Since = new(2024, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static Task<List<ClosureUpdate>> RunAsync(DerivedCredential seed) =>
        Sources.RunAsync(Datasets.StratusDetonations, new ClosureRequest { Credentials = [seed], Since = Since });

    [Theory]
    // file, seed key, seed calls, minted keys, calls by each used minted key
    [InlineData("ec2-get-password-data", "AKIAWOGXN38MFN92ING5", 4, "ASIA7RQR64ZW9JXKWPUO,ASIANQQHHS551LWULIWD", "ASIANQQHHS551LWULIWD=30")]
    [InlineData("ec2-download-user-data", "AKIAMJ2320ZAXACWCPJI", 4, "ASIA4URVX2JM5MT0ZGK8,ASIA74KS09ZFFBFV9E6K", "ASIA4URVX2JM5MT0ZGK8=15")]
    [InlineData("ec2-launch-unusual-instances", "AKIAR7ISFR69YWROPYAN", 2, "ASIA9F6MXE9HSYOXYQOS,ASIAYY9090UIYYUOIF2U", "ASIA9F6MXE9HSYOXYQOS=1")]
    [InlineData("organizations-leave", "AKIADVISM0T50G52IF0D", 2, "ASIA36EV31F1RB3OA8IG,ASIAMOWPWQJ1QHWCWJXJ", "ASIA36EV31F1RB3OA8IG=1")]
    [InlineData("sts-federation-token", "AKIA6V1GNZTT65XQH36M", 1, "ASIASTJKC5GCM7ZE6LUP", "ASIASTJKC5GCM7ZE6LUP=1")]
    [InlineData("iam-backdoor-user (CreateAccessKey on an existing user)", "AKIA30BEZSJBVKOFKZW0", 1, "AKIAL80DWDVKKM0UXEER", "")]
    [InlineData("iam-create-admin-user", "AKIAOZUDECYXYM4ONAN4", 3, "AKIAXAFZN8JEPF6L682H", "")]
    public async Task Technique_SeedKey_FindsItsCallsMintedKeysAndTheirUse(string technique, string seed, int seedCalls, string minted, string used)
    {
        var updates = await RunAsync(InitialCredentials.AccessKey(seed, Since));

        var events = updates.OfType<EventFound>().Select(e => e.Event).ToList();
        var mintedKeys = updates.OfType<CredentialFound>().Select(c => c.Credential).Where(c => c.Depth == 1 && c.Credential.AccessKeyId is not null)
            .Select(c => c.Credential.AccessKeyId!).Order(StringComparer.Ordinal);
        var usedCounts = events.Where(e => e.Credential.Depth == 1).GroupBy(e => e.Record.UserIdentity.AccessKeyId)
            .Select(g => $"{g.Key}={g.Count()}").Order(StringComparer.Ordinal);

        Assert.True(seedCalls == events.Count(e => e.Record.UserIdentity.AccessKeyId == seed), technique);
        Assert.Equal(minted.Split(','), mintedKeys);
        Assert.Equal(used.Length == 0 ? [] : used.Split(','), usedCounts);
    }

    [Fact]
    public async Task CreateAdminUser_TheNewUserIsACredentialToo()
    {
        var updates = await RunAsync(InitialCredentials.AccessKey("AKIAOZUDECYXYM4ONAN4", Since));

        var user = Assert.Single(updates.OfType<CredentialFound>(), c => c.Credential.Credential.Kind == CredentialKind.IamUser).Credential;
        Assert.Equal("arn:aws:iam::229654561268:user/malicious-iam-user", user.Credential.PrincipalArn);
    }

    [Fact]
    public async Task StolenInstanceCredentials_WithoutAMintingEvent_AreNotAttributed()
    {
        // ec2-steal-instance-credentials: the seed key runs SSM SendCommand on an instance it did not launch (in this file);
        // the instance-role key ASIAP5CT9NN8EYVU1FXV then appears from the same IP with no event minting it. Only IP
        // correlation could tie it to the actor, which would also catch legitimate users behind the same NAT: not done.
        var updates = await RunAsync(InitialCredentials.AccessKey("AKIAAM80VXLJF8NPK4VC", Since));

        var events = updates.OfType<EventFound>().Select(e => e.Event).ToList();
        Assert.Equal(43, events.Count);
        Assert.DoesNotContain(events, e => e.Record.UserIdentity.AccessKeyId == "ASIAP5CT9NN8EYVU1FXV");
        Assert.Contains(events, e => e.Record.EventName == "SendCommand" && e.Classification.MatchedRules.Contains("RemoteCommand"));
    }

    [Theory]
    [InlineData("AKIAE18PGYHCY2CYMTFK", "arn:aws:iam::070411556318:user/stratus-red-team-login-profile-user")]
    [InlineData("AKIAV1MIS7NGMDMR83FC", "arn:aws:iam::763751499319:user/stratus-red-team-update-login-profile-user")]
    public async Task LoginProfileCreatedOrChanged_TheUsersConsoleIsACredential(string seed, string userArn)
    {
        var updates = await RunAsync(InitialCredentials.AccessKey(seed, Since));

        var profile = Assert.Single(updates.OfType<CredentialFound>(), c => c.Credential.Credential.Kind == CredentialKind.LoginProfile).Credential;
        Assert.Equal(userArn, profile.Credential.PrincipalArn);
    }

    [Fact]
    public async Task ConsoleLoginWithoutKey_GivenThePrincipal_IsAttributed()
    {
        var updates = await RunAsync(InitialCredentials.Principal("arn:aws:iam::562283505220:user/stratus-red-team-nmfalu-jfzdtsvchl", Since));

        var login = Assert.Single(updates.OfType<EventFound>()).Event;
        Assert.Equal("ConsoleLogin", login.Record.EventName);
        Assert.Null(login.Record.UserIdentity.AccessKeyId);
    }
}

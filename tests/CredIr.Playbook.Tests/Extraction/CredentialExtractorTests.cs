using CredIr.Playbook.Extraction;

namespace CredIr.Playbook.Tests.Extraction;

/// <summary>Derived credentials from real records; event ids looked up with jq over the datasets.</summary>
public sealed class CredentialExtractorTests
{
    private static async Task<DerivedCredential> SingleFromAsync(string eventId) =>
        Assert.Single(CredentialExtractor.Extract(await Datasets.ByEventIdAsync(eventId)));

    [Fact]
    public async Task CreateAccessKey_YieldsTheNewKeyOfTheNamedUser()
    {
        var credential = await SingleFromAsync("8c282c0b-00d1-4369-95b7-cb50b6eee620");

        Assert.Equal(CredentialKind.AccessKey, credential.Kind);
        Assert.Equal("AKIATFQR7NSCQLA2F4OD", credential.AccessKeyId);
        Assert.Equal("malicious-iam-user", credential.UserName);
        Assert.Equal("arn:aws:iam::123837392027:user/malicious-iam-user", credential.PrincipalArn);
        Assert.Equal("key:AKIATFQR7NSCQLA2F4OD", credential.Identity);
    }

    [Fact]
    public async Task AssumeRole_YieldsTheSessionKeyRoleAndExpiry()
    {
        var credential = await SingleFromAsync("bbe86c7c-5981-4ac8-ad20-9248612b16c1");

        Assert.Equal(CredentialKind.RoleSession, credential.Kind);
        Assert.Equal("ASIATFQR7NSCWLLE7IWW", credential.AccessKeyId);
        Assert.Equal("arn:aws:iam::123837392027:role/stratus-red-team-ec2-get-password-data-role", credential.RoleArn);
        Assert.Equal("aws-go-sdk-1688990082523310002", credential.SessionName);
        Assert.NotNull(credential.ExpiresAt);
    }

    [Fact]
    public async Task GetFederationToken_YieldsTheFederatedUserKey_WithJavaStyleExpiry()
    {
        var credential = await SingleFromAsync("6e882b9d-2af8-4c67-b91f-aeac6a0e5e70");

        Assert.Equal(CredentialKind.FederationToken, credential.Kind);
        Assert.Equal("ASIASTJKC5GCM7ZE6LUP", credential.AccessKeyId);
        Assert.Equal("arn:aws:sts::742491224508:federated-user/stratus_red_team", credential.PrincipalArn);
        // "Nov 30, 2024, 8:43:17 PM" in the record.
        Assert.Equal(new DateTimeOffset(2024, 11, 30, 20, 43, 17, TimeSpan.Zero), credential.ExpiresAt);
    }

    [Fact]
    public async Task CreateLoginProfile_YieldsConsoleAccessForTheUser()
    {
        var credential = await SingleFromAsync("1170c908-ce8d-4c6f-bc65-cf43aae5235b");

        Assert.Equal(CredentialKind.LoginProfile, credential.Kind);
        Assert.Null(credential.AccessKeyId);
        Assert.Equal("arn:aws:iam::123837392027:user/stratus-red-team-nmfalu-gfjyeaypjt", credential.PrincipalArn);
        Assert.Equal("console=arn:aws:iam::123837392027:user/stratus-red-team-nmfalu-gfjyeaypjt", Assert.Single(credential.Attributions).ToString());
    }

    [Fact]
    public async Task CreateUser_YieldsAPrincipalFollowedByArn()
    {
        var credential = await SingleFromAsync("85c89720-8103-4281-9e0e-8977b52bcdbe");

        Assert.Equal(CredentialKind.IamUser, credential.Kind);
        Assert.Equal("principal=arn:aws:iam::123837392027:user/malicious-iam-user", Assert.Single(credential.Attributions).ToString());
    }

    [Fact]
    public async Task RunInstancesWithProfile_YieldsTheInstanceSession()
    {
        var credential = await SingleFromAsync("86eac0ac-8521-4126-aa32-a22f2b74d02e");

        Assert.Equal(CredentialKind.Role, credential.Kind);
        Assert.Equal("i-0dbc91f429e48eeed", credential.SessionName);
        Assert.Equal("session=i-0dbc91f429e48eeed@any role", Assert.Single(credential.Attributions).ToString());
    }

    [Fact]
    public async Task RunInstancesWithProfileName_NamesTheProfileByItsArn()
    {
        var credential = await SingleFromAsync("86eac0ac-8521-4126-aa32-a22f2b74d02e");

        Assert.Matches("^arn:aws:iam::[0-9]{12}:instance-profile/.+$", credential.PrincipalArn);
    }

    [Fact]
    public async Task CreateFunctionWithRole_YieldsTheFunctionSessionOfThatRole()
    {
        var credential = await SingleFromAsync("2e15203f-d196-441a-adeb-794b195b4a28");

        Assert.Equal("stratus-red-team-backdoor-f-func", credential.SessionName);
        Assert.Equal("arn:aws:iam::123837392027:role/stratus-red-team-backdoor-f-lambda", credential.RoleArn);
    }

    [Fact]
    public async Task UpdateAssumeRolePolicy_YieldsTheBackdooredRoleFollowedByCrossAccountAssumeRole()
    {
        var credential = await SingleFromAsync("d96d75c7-e715-44ff-9735-9dc51afbd774");

        Assert.Equal("arn:aws:iam::123837392027:role/stratus-red-team-backdoor-r-role", credential.RoleArn);
        Assert.StartsWith("cross-account AssumeRole", Assert.Single(credential.Attributions).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void FailedCall_YieldsNothing()
    {
        var record = Records.Make("iam.amazonaws.com", "CreateUser", """{"userName":"x"}""", "AccessDenied");

        Assert.Empty(CredentialExtractor.Extract(record));
    }

    [Fact]
    public async Task AllDatasets_SuccessfulCredentialMints_AreAllExtracted()
    {
        // jq over both datasets: successful CreateAccessKey / AssumeRole* / GetSessionToken / GetFederationToken with a
        // minted key id: invictus 2 CreateAccessKey + 36 AssumeRole (10 by the seed key, 26 by AWS services),
        // stratus 2 CreateAccessKey + 8 AssumeRole + 1 GetFederationToken = 49.
        var records = await Datasets.ReadAllAsync();

        var minted = records.SelectMany(CredentialExtractor.Extract).Where(c => c.AccessKeyId is not null).ToList();

        Assert.Equal(49, minted.Count);
        Assert.Equal(49, minted.Select(c => c.AccessKeyId).Distinct().Count());
    }
}

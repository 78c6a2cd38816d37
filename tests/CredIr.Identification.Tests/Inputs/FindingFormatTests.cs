using CredIr.Contracts.V1;
using CredIr.Identification.Inputs;
using CredIr.Identification.Tests.Support;
using Microsoft.Extensions.Options;

namespace CredIr.Identification.Tests.Inputs;

public sealed class FindingFormatTests
{
    private static readonly InputParser Parser = new(Options.Create(new IdentificationOptions { MaxInputBytes = 64 * 1024 }));

    private static ParsedInput ParseJson(string json) => Parser.Parse(new IdentificationInput { FindingJson = json });

    private static InputValidationException Rejected(IdentificationInput input) => Assert.Throws<InputValidationException>(() => Parser.Parse(input));

    [Fact]
    public void GuardDutyFinding_IamUserKey_GivesKeyUserAndFirstSeen()
    {
        var parsed = ParseJson(Samples.Read("guardduty-iam-user-anomalous.json"));

        Assert.Equal(InputKind.GuarddutyFinding, parsed.Kind);
        var credential = Assert.Single(parsed.Credentials);
        Assert.Equal("AKIAIOSFODNN7EXAMPLE", credential.AccessKeyId);
        Assert.Equal("AIDACKCEVSQ6C2EXAMPLE", credential.PrincipalId);
        Assert.Equal("arn:aws:iam::111111111111:user/ci-deployer", credential.Principal?.Value);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 3, 12, 44, TimeSpan.Zero), parsed.FirstSeen);
        Assert.Equal("Discovery:IAMUser/AnomalousBehavior", parsed.FindingType);
        Assert.Equal(5, parsed.Severity);
        Assert.Equal(["198.51.100.23"], parsed.SourceIps);
        Assert.Equal(["s3:ListBuckets"], parsed.ApiCalls);
        Assert.StartsWith("aws-cli/2.15.0", Assert.Single(parsed.UserAgents), StringComparison.Ordinal);
    }

    [Fact]
    public void EventBridgeGuardDuty_AssumedRoleKey_GivesRoleSessionArn()
    {
        var parsed = ParseJson(Samples.Read("eventbridge-guardduty-assumed-role.json"));

        Assert.Equal(InputKind.GuarddutyFinding, parsed.Kind);
        Assert.Contains("EventBridge", parsed.Description, StringComparison.Ordinal);
        var credential = Assert.Single(parsed.Credentials);
        Assert.Equal("ASIAQEXAMPLE7SESSN01", credential.AccessKeyId);
        Assert.Equal(PrincipalKind.AssumedRole, credential.Principal?.Kind);
        Assert.Equal("arn:aws:sts::111111111111:assumed-role/web-app-instance-role/i-0abc1234def567890", credential.Principal?.Value);
        Assert.Equal("arn:aws:iam::111111111111:role/web-app-instance-role", credential.Principal?.RoleArn);
        Assert.Equal("eu-west-1", parsed.Region);
        Assert.Equal(8, parsed.Severity);
        Assert.Equal(new DateTimeOffset(2026, 11, 21, 8, 47, 19, TimeSpan.Zero), parsed.FirstSeen);
    }

    [Fact]
    public void GuardDutyFinding_PascalCaseFromCli_ParsesTheSame()
    {
        var parsed = ParseJson("""
            {"Findings":[{"AccountId":"111111111111","Region":"us-east-1","Id":"f1","Type":"CredentialAccess:IAMUser/AnomalousBehavior",
             "Resource":{"ResourceType":"AccessKey","AccessKeyDetails":{"AccessKeyId":"AKIAIOSFODNN7EXAMPLE","UserName":"bob","UserType":"IAMUser"}},
             "Service":{"EventFirstSeen":"2026-11-20T03:12:44Z"},"Severity":5}]}
            """);

        Assert.Equal("AKIAIOSFODNN7EXAMPLE", Assert.Single(parsed.Credentials).AccessKeyId);
        Assert.Equal("arn:aws:iam::111111111111:user/bob", parsed.Credentials[0].Principal?.Value);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 3, 12, 44, TimeSpan.Zero), parsed.FirstSeen);
    }

    [Fact]
    public void AsffImportedFromGuardDuty_GivesKeyFromResourceIdAndFirstObservedAt()
    {
        var parsed = ParseJson(Samples.Read("asff-guardduty-imported.json"));

        Assert.Equal(InputKind.SecurityHubFinding, parsed.Kind);
        Assert.Contains("imported from GuardDuty", parsed.Description, StringComparison.Ordinal);
        var credential = Assert.Single(parsed.Credentials);
        Assert.Equal("AKIAIOSFODNN7EXAMPLE", credential.AccessKeyId);
        Assert.Equal("ci-deployer", credential.UserName);
        Assert.Equal("arn:aws:iam::111111111111:user/ci-deployer", credential.Principal?.Value);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 3, 12, 44, TimeSpan.Zero), parsed.FirstSeen);
        Assert.Equal("Security Hub FirstObservedAt", parsed.FirstSeenField);
        Assert.Equal(["198.51.100.23"], parsed.SourceIps);
        Assert.Equal(5, parsed.Severity);
    }

    [Fact]
    public void EventBridgeSecurityHub_IamUserResource_GivesUserArnWithPath()
    {
        var parsed = ParseJson(Samples.Read("eventbridge-securityhub-iam-user.json"));

        Assert.Equal(InputKind.SecurityHubFinding, parsed.Kind);
        var credential = Assert.Single(parsed.Credentials);
        Assert.Null(credential.AccessKeyId);
        Assert.Equal("arn:aws:iam::222222222222:user/reporting/batch-exporter", credential.Principal?.Value);
        Assert.Equal("/reporting/", credential.Principal?.Path);
        Assert.Equal("AIDAEXAMPLEBATCHEXPRT", credential.PrincipalId);
        Assert.Equal(4, parsed.Severity);
    }

    [Fact]
    public void HealthEvent_CredentialsExposed_GivesKeyAndRfc1123StartTime()
    {
        var parsed = ParseJson(Samples.Read("eventbridge-health-credentials-exposed.json"));

        Assert.Equal(InputKind.HealthEvent, parsed.Kind);
        var credential = Assert.Single(parsed.Credentials);
        Assert.Equal("AKIAJEXAMPLEEXPOSED1", credential.AccessKeyId);
        Assert.Equal("333333333333", credential.AccountId);
        Assert.Equal(new DateTimeOffset(2026, 11, 18, 6, 10, 9, TimeSpan.Zero), parsed.FirstSeen);
    }

    [Fact]
    public void HealthEventDetail_FromTheHealthApiWithEpochTimes_GivesKeysAndStartTime()
    {
        var parsed = ParseJson("""
            {"eventArn":"arn:aws:health:global::event/RISK/AWS_RISK_CREDENTIALS_EXPOSED/X","eventTypeCode":"AWS_RISK_CREDENTIALS_EXPOSED",
             "startTime":1795156209.0,"affectedAccount":"333333333333",
             "affectedEntities":[{"entityValue":"AKIAJEXAMPLEEXPOSED1"},{"entityValue":"AKIAJEXAMPLEEXPOSED2"},{"entityValue":"not-a-key"}]}
            """);

        Assert.Equal(["AKIAJEXAMPLEEXPOSED1", "AKIAJEXAMPLEEXPOSED2"], parsed.Credentials.Select(c => c.AccessKeyId));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1795156209), parsed.FirstSeen);
        Assert.Equal("333333333333", parsed.AccountId);
    }

    [Fact]
    public void SecurityHubFindings_SeveralInOneEvent_MergeCredentialsAndTakeTheEarliestTime()
    {
        var parsed = ParseJson("""
            {"version":"0","detail-type":"Security Hub Findings - Imported","source":"aws.securityhub","account":"222222222222","detail":{"findings":[
              {"SchemaVersion":"2018-10-08","Id":"f1","ProductArn":"arn:aws:securityhub:us-east-1::product/acme/scanner","AwsAccountId":"222222222222",
               "Title":"Key in repo","FirstObservedAt":"2026-11-19T10:00:00Z",
               "Resources":[{"Type":"AwsIamAccessKey","Id":"AKIAIOSFODNN7EXAMPLE","Details":{"AwsIamAccessKey":{"PrincipalName":"bob","PrincipalType":"IAMUser","Status":"Active","CreatedAt":"2025-01-01T00:00:00Z"}}}]},
              {"SchemaVersion":"2018-10-08","Id":"f2","ProductArn":"arn:aws:securityhub:us-east-1::product/acme/scanner","AwsAccountId":"222222222222",
               "FirstObservedAt":"2026-11-18T10:00:00Z",
               "Resources":[{"Type":"AwsIamRole","Id":"arn:aws:iam::222222222222:role/deployer","Details":{"AwsIamRole":{"RoleId":"AROAEXAMPLEROLEID1234"}}}]}]}}
            """);

        Assert.Equal("f1", parsed.FindingId);
        Assert.Equal(2, parsed.Credentials.Count);
        Assert.Equal("Active", parsed.Credentials[0].Status);
        Assert.Equal(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero), parsed.Credentials[0].CreatedAt);
        Assert.Equal(PrincipalKind.Role, parsed.Credentials[1].Principal?.Kind);
        Assert.Equal("AROAEXAMPLEROLEID1234", parsed.Credentials[1].PrincipalId);
        Assert.Equal(new DateTimeOffset(2026, 11, 18, 10, 0, 0, TimeSpan.Zero), parsed.FirstSeen);
    }

    [Fact]
    public void SecurityHubFinding_WithoutCredentialResources_IsRefused()
    {
        var error = Rejected(new IdentificationInput
        {
            FindingJson = """{"SchemaVersion":"2018-10-08","Id":"f9","ProductArn":"arn:aws:securityhub:us-east-1::product/aws/inspector","Resources":[{"Type":"AwsEc2Instance","Id":"i-1"}]}""",
        });

        Assert.Contains("no Resources[] of type AwsIamAccessKey, AwsIamUser or AwsIamRole", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("cloudtrail-quarantine-v2.json", "AWSCompromisedKeyQuarantineV2")]
    [InlineData("eventbridge-cloudtrail-quarantine-v3.json", "AWSCompromisedKeyQuarantineV3")]
    public void QuarantineRecord_AttachedByAws_GivesUserArnAndEventTime(string sample, string policy)
    {
        var parsed = ParseJson(Samples.Read(sample));

        Assert.Equal(InputKind.QuarantinePolicyEvent, parsed.Kind);
        Assert.Equal("arn:aws:iam::333333333333:user/legacy-uploader", Assert.Single(parsed.Credentials).Principal?.Value);
        Assert.Equal(new DateTimeOffset(2026, 11, 18, 6, 12, 40, TimeSpan.Zero), parsed.FirstSeen);
        Assert.Contains(policy, parsed.FindingType, StringComparison.Ordinal);
        Assert.StartsWith("AWS quarantined IAM user legacy-uploader", parsed.Title, StringComparison.Ordinal);
    }
}

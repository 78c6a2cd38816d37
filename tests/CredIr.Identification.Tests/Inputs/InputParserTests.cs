using CredIr.Contracts.V1;
using CredIr.Identification.Inputs;
using CredIr.Identification.Tests.Support;
using Microsoft.Extensions.Options;

namespace CredIr.Identification.Tests.Inputs;

public sealed class InputParserTests
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
    public void HealthEvent_OtherTypeCode_IsRefusedNamingTheType()
    {
        var error = Rejected(new IdentificationInput { FindingJson = """{"eventTypeCode":"AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED","affectedEntities":[]}""" });

        Assert.Equal("finding_json", error.Field);
        Assert.Contains("AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED", error.Message, StringComparison.Ordinal);
        Assert.Contains("which CredIr does not take", error.Message, StringComparison.Ordinal);
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

    [Fact]
    public void CloudTrailRecord_OtherEvent_IsRefusedOfferingTheCallersKey()
    {
        var error = Rejected(new IdentificationInput
        {
            FindingJson = """{"eventName":"CreateUser","eventSource":"iam.amazonaws.com","userIdentity":{"accessKeyId":"AKIAIOSFODNN7EXAMPLE"}}""",
        });

        Assert.Contains("CreateUser", error.Message, StringComparison.Ordinal);
        Assert.Contains("give the access key id AKIAIOSFODNN7EXAMPLE", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GuardDutyFinding_WithoutAccessKeyId_IsRefusedNamingTheField()
    {
        var error = Rejected(new IdentificationInput
        {
            FindingJson = """{"id":"x","type":"Recon:IAMUser/MaliciousIPCaller","resource":{"resourceType":"AccessKey","accessKeyDetails":{"userName":"a"}},"service":{}}""",
        });

        Assert.Equal("finding_json: GuardDuty finding has no resource.accessKeyDetails.accessKeyId; give the access key id instead", error.Message);
    }

    [Fact]
    public void GuardDutySampleFinding_GeneratedKeyId_IsRefused()
    {
        var error = Rejected(new IdentificationInput { FindingJson = Samples.Read("guardduty-sample-finding.json") });

        Assert.Contains("'GeneratedFindingAccessKeyId' is not an access key id", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void GuardDutyFinding_InstanceResource_IsRefusedNamingTheResourceType()
    {
        var error = Rejected(new IdentificationInput
        {
            FindingJson = """{"id":"i1","type":"CryptoCurrency:EC2/BitcoinTool.B!DNS","resource":{"resourceType":"Instance"},"service":{}}""",
        });

        Assert.Contains("'Instance', not an AccessKey", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EventBridge_UnsupportedDetailType_ListsWhatIsSupported()
    {
        var error = Rejected(new IdentificationInput
        {
            FindingJson = """{"version":"0","detail-type":"EC2 Instance State-change Notification","source":"aws.ec2","detail":{}}""",
        });

        Assert.Contains("looks like an EventBridge event with detail-type 'EC2 Instance State-change Notification'", error.Message, StringComparison.Ordinal);
        Assert.Contains("supported:", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"hello\":1}", "does not recognise")]
    [InlineData("[1,2]", "not an object")]
    [InlineData("{\"Records\":[]}", "CloudTrail log file")]
    [InlineData("{not json", "is not valid JSON")]
    [InlineData("  ", "is empty")]
    public void FindingJson_Unrecognised_IsRefusedWithAReason(string json, string expected)
    {
        var error = Rejected(new IdentificationInput { FindingJson = json });

        Assert.Equal("finding_json", error.Field);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FindingJson_LargerThanTheLimit_IsRefusedBeforeParsing()
    {
        var huge = "{\"pad\":\"" + new string('x', 70 * 1024) + "\"}";

        var error = Rejected(new IdentificationInput { FindingJson = huge });

        Assert.Contains("more than the 65536 allowed (Identification:MaxInputBytes)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FindingJson_RawJsonKept_HasSecretsRemoved()
    {
        var parsed = ParseJson(Samples.Read("guardduty-iam-user-anomalous.json").Replace("\"severity\": 5,", "\"severity\": 5, \"sessionToken\": \"FwoGZXIvYXdzEXAMPLE\",", StringComparison.Ordinal));

        Assert.DoesNotContain("FwoGZXIvYXdzEXAMPLE", parsed.RawJson, StringComparison.Ordinal);
        Assert.Contains("AKIAIOSFODNN7EXAMPLE", parsed.RawJson, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("AKIAIOSFODNN7EXAMPLE", "IAM user access key id")]
    [InlineData(" ASIAQEXAMPLE7SESSN01 ", "temporary (STS) access key id")]
    [InlineData("AIDACKCEVSQ6C2EXAMPLE", "IAM user unique id")]
    [InlineData("AROAEXAMPLEROLEID1234", "IAM role unique id")]
    public void AccessKeyId_Valid_IsAccepted(string value, string description)
    {
        var parsed = Parser.Parse(new IdentificationInput { AccessKeyId = value });

        Assert.Equal(InputKind.AccessKeyId, parsed.Kind);
        Assert.Equal(description, parsed.Description);
    }

    [Theory]
    [InlineData("AKIAIOSFODNN7EXAMPL")]
    [InlineData("akiaiosfodnn7example")]
    [InlineData("ABIAIOSFODNN7EXAMPLE")]
    [InlineData("AKIAIOSFODNN7EXAMPLE1")]
    public void AccessKeyId_Malformed_IsRefusedSayingTheExpectedShape(string value)
    {
        var error = Rejected(new IdentificationInput { AccessKeyId = value });

        Assert.Equal("access_key_id", error.Field);
        Assert.Contains("AKIA or ASIA followed by 16", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AccessKeyId_LooksLikeASecret_IsRefusedWithoutEchoingIt()
    {
        const string secret = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

        var error = Rejected(new IdentificationInput { AccessKeyId = secret });

        Assert.DoesNotContain(secret, error.Message, StringComparison.Ordinal);
        Assert.Contains("looks like a secret access key", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Input_NothingSet_IsRefused()
    {
        var error = Rejected(new IdentificationInput());

        Assert.Equal("input", error.Field);
    }
}

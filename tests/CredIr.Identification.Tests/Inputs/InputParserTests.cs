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
    public void HealthEvent_OtherTypeCode_IsRefusedNamingTheType()
    {
        var error = Rejected(new IdentificationInput { FindingJson = """{"eventTypeCode":"AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED","affectedEntities":[]}""" });

        Assert.Equal("finding_json", error.Field);
        Assert.Contains("AWS_EC2_INSTANCE_RETIREMENT_SCHEDULED", error.Message, StringComparison.Ordinal);
        Assert.Contains("which CredIr does not take", error.Message, StringComparison.Ordinal);
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

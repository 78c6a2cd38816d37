using System.Text.Json.Nodes;
using CredIr.Contracts.V1;
using CredIr.Identification.Tests.Support;
using static CredIr.Identification.Tests.HuaweiCloud.Inputs.HuaweiFindingInputs;

namespace CredIr.Identification.Tests.HuaweiCloud.Inputs;

public sealed class CtsKeyEventParserTests
{
    private const string SampleName = "cts-key-event-smn.json";

    private static JsonObject Trace() => JsonNode.Parse(Sample(SampleName)["message"]!.GetValue<string>())!.AsObject();

    private static string InSmnMessage(JsonObject trace)
    {
        var message = Sample(SampleName);
        message["message"] = trace.ToJsonString();
        return message.ToJsonString();
    }

    [Fact]
    public void CtsKeyEvent_SmnMessage_GivesTracesAkUserTimeAndRegion()
    {
        var parsed = Parse(Samples.Read(SampleName));

        Assert.Equal((InputKind.CtsKeyEvent, CloudProvider.HuaweiCloud), (parsed.Kind, parsed.Provider));
        var credential = Assert.Single(parsed.Credentials);
        Assert.Equal((LeakedAk, "ci-deployer", "0a1b2c3d4e5f60718293a4b5c6d7e8f9"), (credential.AccessKeyId, credential.UserName, credential.AccountId));
        Assert.Equal(new DateTimeOffset(2026, 12, 5, 1, 26, 0, TimeSpan.Zero), parsed.FirstSeen);
        Assert.Equal("CTS trace time", parsed.FirstSeenField);
        Assert.Equal(("createCredential", "cn-north-4", 5.0), (parsed.FindingType, parsed.Region, parsed.Severity));
        Assert.Equal(["IAM:createCredential"], parsed.ApiCalls);
        Assert.Equal(["203.0.113.77"], parsed.SourceIps);
        Assert.Equal(["python-requests/2.31.0"], parsed.UserAgents);
        // The evidence is the trace, not SMN's signed wrapper.
        Assert.Contains("7c1e5a2b-3d4f-11ef-9a6b-0242ac110002", parsed.RawJson, StringComparison.Ordinal);
        Assert.DoesNotContain("signing_cert_url", parsed.RawJson, StringComparison.Ordinal);
    }

    [Fact]
    public void CtsTraceAlone_GivesTheSameAkAndTime()
    {
        var parsed = Parse(Trace().ToJsonString());

        Assert.Equal(InputKind.CtsKeyEvent, parsed.Kind);
        Assert.Equal(LeakedAk, Assert.Single(parsed.Credentials).AccessKeyId);
        Assert.Equal(new DateTimeOffset(2026, 12, 5, 1, 26, 0, TimeSpan.Zero), parsed.FirstSeen);
        Assert.Null(parsed.Region);
    }

    [Fact]
    public void CtsTrace_ConsoleActionWithoutAk_RefusedNamingUserAccessKeyId()
    {
        var trace = Trace();
        trace["trace_type"] = "ConsoleAction";
        trace["user"]!.AsObject().Remove("access_key_id");

        var error = Rejected(InSmnMessage(trace));

        Assert.Equal("finding_json", error.Field);
        Assert.Contains("CTS trace createCredential has no user.access_key_id", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CtsTrace_SecretAsAccessKeyId_RefusedWithoutEchoingIt()
    {
        var trace = Trace();
        trace["user"]!["access_key_id"] = Secret;

        var error = Rejected(trace.ToJsonString());

        Assert.Contains("user.access_key_id looks like a secret access key", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SmnMessage_NotACtsTrace_RefusedSayingWhatIsTaken()
    {
        var message = Sample(SampleName);
        message["message"] = "Your monthly bill is ready.";

        var error = Rejected(message.ToJsonString());

        Assert.Contains("SMN message, but its message is not JSON", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CtsTrace_TimeNotATime_RefusedNamingTheField()
    {
        var trace = Trace();
        trace["time"] = "soon";

        var error = Rejected(trace.ToJsonString());

        Assert.Contains("time 'soon' is not a time", error.Message, StringComparison.Ordinal);
    }
}

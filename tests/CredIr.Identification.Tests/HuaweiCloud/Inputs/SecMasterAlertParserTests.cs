using System.Text.Json.Nodes;
using CredIr.Contracts.V1;
using CredIr.Identification.Tests.Support;
using static CredIr.Identification.Tests.HuaweiCloud.Inputs.HuaweiFindingInputs;

namespace CredIr.Identification.Tests.HuaweiCloud.Inputs;

public sealed class SecMasterAlertParserTests
{
    private const string SampleName = "secmaster-alert-aksk-leak.json";

    private static JsonObject DataObject(JsonObject alert) => alert["data_object"]!.AsObject();

    [Fact]
    public void SecMasterAlert_AkskLeakage_GivesAkUserDomainAndFirstObservedTime()
    {
        var parsed = Parse(Samples.Read(SampleName));

        Assert.Equal((InputKind.SecmasterAlert, CloudProvider.HuaweiCloud), (parsed.Kind, parsed.Provider));
        var credential = Assert.Single(parsed.Credentials);
        Assert.Equal((LeakedAk, "ci-deployer", "0a1b2c3d4e5f60718293a4b5c6d7e8f9"), (credential.AccessKeyId, credential.UserName, credential.AccountId));
        // "2026-12-05T09:20:00Z+0800", SecMaster's own form: the offset given.
        Assert.Equal(new DateTimeOffset(2026, 12, 5, 1, 20, 0, TimeSpan.Zero), parsed.FirstSeen);
        Assert.Equal("SecMaster alert first_observed_time", parsed.FirstSeenField);
        Assert.Equal(new DateTimeOffset(2026, 12, 5, 1, 58, 40, TimeSpan.Zero), parsed.LastSeen);
        Assert.Equal(("AKSK Leakage", "6a6a4f4c-5f1d-4b3a-9c0e-2f6b8d1e7a01", 7.0), (parsed.FindingType, parsed.FindingId, parsed.Severity));
        Assert.Equal(("0a1b2c3d4e5f60718293a4b5c6d7e8f9", "cn-north-4"), (parsed.AccountId, parsed.Region));
        Assert.Equal(["203.0.113.77"], parsed.SourceIps);
    }

    [Fact]
    public void SecMasterDataObjectAlone_GivesTheSameAkAndTime()
    {
        var data = DataObject(Sample(SampleName)).ToJsonString();

        var parsed = Parse(data);

        Assert.Equal(InputKind.SecmasterAlert, parsed.Kind);
        Assert.Equal(LeakedAk, Assert.Single(parsed.Credentials).AccessKeyId);
        Assert.Equal(new DateTimeOffset(2026, 12, 5, 1, 20, 0, TimeSpan.Zero), parsed.FirstSeen);
    }

    [Fact]
    public void SecMasterApiAnswers_ShowAlertAndOneItemList_AreTheAlert()
    {
        var alert = Sample(SampleName);

        var shown = Parse(new JsonObject { ["code"] = "00000000", ["message"] = "", ["data"] = alert.DeepClone() }.ToJsonString());
        var listed = Parse(new JsonObject { ["total"] = 1, ["success"] = true, ["data"] = new JsonArray(alert.DeepClone()) }.ToJsonString());

        Assert.Equal(LeakedAk, Assert.Single(shown.Credentials).AccessKeyId);
        Assert.Equal(LeakedAk, Assert.Single(listed.Credentials).AccessKeyId);
    }

    [Fact]
    public void SecMasterAlertList_SeveralAlerts_RefusedAskingForOne()
    {
        var alert = Sample(SampleName);

        var error = Rejected(new JsonObject { ["data"] = new JsonArray(alert.DeepClone(), alert.DeepClone()) }.ToJsonString());

        Assert.Equal("finding_json", error.Field);
        Assert.Contains("2 alerts; send the one alert", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SecMasterAlert_NoAkResource_RefusedNamingResourceList()
    {
        var alert = Sample(SampleName);
        DataObject(alert)["resource_list"] = new JsonArray(new JsonObject { ["id"] = "i-0123", ["type"] = "ecs", ["name"] = "web-01" });

        var error = Rejected(alert.ToJsonString());

        Assert.Equal("finding_json", error.Field);
        Assert.Contains("data_object.resource_list[] has no resource of type AK", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SecMasterAlert_SecretInTheAkResource_RefusedWithoutEchoingIt()
    {
        var alert = Sample(SampleName);
        DataObject(alert)["resource_list"] = new JsonArray(new JsonObject { ["id"] = Secret, ["name"] = Secret, ["type"] = "AKSK" });

        var error = Rejected(alert.ToJsonString());

        Assert.Contains("data_object.resource_list[0]", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SecMasterAlert_FirstObservedTimeNotATime_RefusedNamingTheField()
    {
        var alert = Sample(SampleName);
        DataObject(alert)["first_observed_time"] = "yesterday";

        var error = Rejected(alert.ToJsonString());

        Assert.Contains("first_observed_time 'yesterday' is not a time", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SecMasterAlert_NoFirstObservedTime_TakesCreateTime()
    {
        var alert = Sample(SampleName);
        DataObject(alert).Remove("first_observed_time");

        var parsed = Parse(alert.ToJsonString());

        Assert.Equal(new DateTimeOffset(2026, 12, 5, 2, 2, 11, TimeSpan.Zero), parsed.FirstSeen);
        Assert.StartsWith("SecMaster alert create_time", parsed.FirstSeenField, StringComparison.Ordinal);
    }

    [Fact]
    public void AwsFinding_StaysAws()
    {
        var parsed = Parse(Samples.Read("guardduty-iam-user-anomalous.json"));

        Assert.Equal(CloudProvider.Unspecified, parsed.Provider);
    }
}

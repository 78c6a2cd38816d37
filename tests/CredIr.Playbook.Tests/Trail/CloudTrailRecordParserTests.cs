using System.Text;
using CredIr.Playbook.Trail;

namespace CredIr.Playbook.Tests.Trail;

public sealed class CloudTrailRecordParserTests
{
    private static CloudTrailRecord Parse(string json) => CloudTrailRecordParser.Parse(Encoding.UTF8.GetBytes(json));

    [Fact]
    public void MissingAndNullFields_ComeBackNull()
    {
        var record = Parse("""{"eventName":"ConsoleLogin","userIdentity":null,"requestParameters":null,"resources":null,"readOnly":null}""");

        Assert.Same(UserIdentity.Empty, record.UserIdentity);
        Assert.Null(record.RequestParameters);
        Assert.Null(record.ResponseElements);
        Assert.Empty(record.Resources);
        Assert.Null(record.ReadOnly);
        Assert.Null(record.AccountId);
        Assert.False(record.Failed);
    }

    [Fact]
    public void AssumedRoleIdentity_ParsesSessionContextAndSessionName()
    {
        var record = Parse("""
            {"eventTime":"2023-07-10T11:57:16Z","readOnly":"true","sessionCredentialFromConsole":"true",
             "userIdentity":{"type":"AssumedRole","arn":"arn:aws:sts::123837392027:assumed-role/r/i-0dbc91f429e48eeed","accessKeyId":"ASIAX",
               "sessionContext":{"sessionIssuer":{"type":"Role","arn":"arn:aws:iam::123837392027:role/r","userName":"r"},
                                 "attributes":{"creationDate":"2023-07-10T11:56:00Z","mfaAuthenticated":"false"}}}}
            """);

        Assert.Equal("i-0dbc91f429e48eeed", record.UserIdentity.SessionName);
        Assert.Equal("arn:aws:iam::123837392027:role/r", record.UserIdentity.SessionContext!.Issuer!.Arn);
        Assert.Equal(new DateTimeOffset(2023, 7, 10, 11, 56, 0, TimeSpan.Zero), record.UserIdentity.SessionContext.CreationDate);
        Assert.False(record.UserIdentity.SessionContext.MfaAuthenticated);
        Assert.True(record.ReadOnly);
        Assert.True(record.SessionCredentialFromConsole);
        Assert.Equal(new DateTimeOffset(2023, 7, 10, 11, 57, 16, TimeSpan.Zero), record.EventTime);
    }

    [Fact]
    public async Task EveryDatasetRecord_HasTimeSourceNameAndUniqueId()
    {
        var records = await Datasets.ReadAllAsync();

        Assert.Equal(3210, records.Count);
        Assert.All(records, r => Assert.True(r.EventTime > DateTimeOffset.MinValue && r.EventSource.Length > 0 && r.EventName.Length > 0));
        Assert.Equal(records.Count, records.Select(r => r.EventId).Distinct().Count());
    }

    [Theory]
    [InlineData("Nov 30, 2024, 8:43:17 PM", "2024-11-30T20:43:17Z")]
    [InlineData("Aug 1, 2024 1:33:28 PM", "2024-08-01T13:33:28Z")]
    [InlineData("2023-07-10T12:54:47Z", "2023-07-10T12:54:47Z")]
    public void LenientTimes_InResponseElements_Parse(string text, string expected)
    {
        var record = Parse($$$$"""{"responseElements":{"credentials":{"expiration":"{{{{text}}}}"}}}""");

        var parsed = JsonFields.TimeAt(record.ResponseElements!.Value.GetProperty("credentials"), "expiration");

        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), parsed);
    }
}

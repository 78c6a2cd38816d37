using System.Text.Json;
using CredIr.Aws.Tests.Support;

namespace CredIr.Aws.Tests.Core;

public sealed class UserAgentTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task Call_DefaultOptions_CloudTrailRecordsCredirUserAgent()
    {
        using var clients = SandboxClients.Create(fixture.Sandbox);
        var admin = clients.Admin();
        await admin.Iam.GetUserAsync(new GetUserRequest("alice"));

        var record = await LatestGetUserRecordAsync(admin);

        Assert.StartsWith("credir/", record.GetProperty("userAgent").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Call_ConfiguredUserAgent_CloudTrailRecordsIt()
    {
        using var clients = SandboxClients.Create(fixture.Sandbox, o => o.UserAgent = "credir/ir-2026-0042");
        var admin = clients.Admin();
        await admin.Iam.GetUserAsync(new GetUserRequest("alice"));

        var record = await LatestGetUserRecordAsync(admin);

        Assert.Equal("credir/ir-2026-0042", record.GetProperty("userAgent").GetString());
    }

    [Fact]
    public void Options_UserAgentWithControlCharacters_RefusedNamingTheKey()
    {
        var options = new AwsClientOptions { UserAgent = "credir\r\nX-Injected: 1" };

        var error = Assert.Throws<InvalidOperationException>(options.Validate);

        Assert.Contains("Aws:UserAgent", error.Message, StringComparison.Ordinal);
    }

    private static async Task<JsonElement> LatestGetUserRecordAsync(AwsScope admin)
    {
        var request = new LookupEventsRequest { LookupAttributes = [new LookupAttribute(LookupAttributeKey.EventName, "GetUser")], MaxResults = 1 };
        var page = await admin.CloudTrail.LookupEventsPageAsync(request);
        using var document = JsonDocument.Parse(Assert.Single(page.Events).CloudTrailEvent);
        return document.RootElement.Clone();
    }
}

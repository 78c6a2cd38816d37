using System.Text.Json.Nodes;
using System.Xml.Linq;
using CredIr.Sandbox.Scenarios;
using CredIr.Sandbox.Tests.Support;

namespace CredIr.Sandbox.Tests.Hosting;

public sealed class RoutingAndSigningTests
{
    [Fact]
    public async Task UnknownQueryAction_IsRefusedWithInvalidAction()
    {
        await using var sandbox = await ShippedScenarios.StartAsync();

        var (status, body) = await RawClient.SendAsync(sandbox, sandbox.Accounts[0].AdminCredentials, "iam", "FlyToTheMoon");

        Assert.Equal(400, status);
        var error = XDocument.Parse(body).Root!;
        Assert.Equal("ErrorResponse", error.Name.LocalName);
        Assert.Equal("InvalidAction", error.Descendants().Single(e => e.Name.LocalName == "Code").Value);
    }

    [Fact]
    public async Task UnknownJsonTarget_IsRefusedWithUnknownOperationException()
    {
        await using var sandbox = await ShippedScenarios.StartAsync();

        var (status, body) = await RawClient.SendAsync(sandbox, sandbox.Accounts[0].AdminCredentials, "cloudtrail", "PutTheKettleOn");

        Assert.Equal(400, status);
        Assert.Equal("UnknownOperationException", JsonNode.Parse(body)!["__type"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("sts", "GetCallerIdentity", "SignatureDoesNotMatch", 403)]
    [InlineData("cloudtrail", "DescribeTrails", "InvalidSignatureException", 400)]
    public async Task RequestSignedTwentyMinutesAgo_IsRefusedAsExpired(string service, string action, string code, int expectedStatus)
    {
        await using var sandbox = await ShippedScenarios.StartAsync();

        var (status, body) = await RawClient.SendAsync(sandbox, sandbox.Accounts[0].AdminCredentials, service, action,
            signedAt: TimeProvider.System.GetUtcNow().AddMinutes(-20));

        Assert.Equal(expectedStatus, status);
        Assert.Contains(code, body, StringComparison.Ordinal);
        Assert.Contains("Signature expired:", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task S3RequestFromASkewedClock_IsRefusedWithRequestTimeTooSkewed()
    {
        await using var sandbox = await ShippedScenarios.StartAsync();

        var (status, body) = await RawClient.SendAsync(sandbox, sandbox.Accounts[0].AdminCredentials, "s3", "ListBuckets",
            signedAt: TimeProvider.System.GetUtcNow().AddMinutes(30));

        Assert.Equal(403, status);
        Assert.Equal("RequestTimeTooSkewed", XDocument.Parse(body).Root!.Element("Code")!.Value);
    }

    [Fact]
    public async Task MalformedParameter_IsAClientErrorNotAServerFault()
    {
        await using var sandbox = await ShippedScenarios.StartAsync(ShippedScenarios.MultiAccountOrg);
        var parameters = new JsonObject
        {
            ["FunctionName"] = "f", ["Role"] = "arn:aws:iam::111111111111:role/none", ["Code"] = new JsonObject { ["ZipFile"] = "%%% not base64 %%%" },
        };

        var (status, _) = await RawClient.SendAsync(sandbox, sandbox.Accounts[0].AdminCredentials, "lambda", "CreateFunction", parameters);

        Assert.Equal(400, status);
        Assert.Contains(sandbox.Trail.All(sandbox.Accounts[0].AccountId), e => e.EventName == "CreateFunction20150331" && e.Json.Contains("InvalidParameterValueException", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DeliveryDelay_HidesEventsFromLookupUntilTheClockPassesIt()
    {
        var scenario = new Scenario { Options = new ScenarioOptions { DeliveryDelay = "5m", LookupEventsRateLimit = 0 } };
        await using var sandbox = await SandboxHost.StartAsync(new SandboxOptions { Scenario = scenario }, CancellationToken.None);
        var admin = sandbox.Accounts[0].AdminCredentials;
        await RawClient.SendAsync(sandbox, admin, "iam", "ListUsers");
        var filter = new JsonObject { ["LookupAttributes"] = new JsonArray(new JsonObject { ["AttributeKey"] = "EventName", ["AttributeValue"] = "ListUsers" }) };

        var (_, before) = await RawClient.SendAsync(sandbox, admin, "cloudtrail", "LookupEvents", (JsonObject)filter.DeepClone());
        sandbox.Clock.Advance(TimeSpan.FromMinutes(6));
        var (_, after) = await RawClient.SendAsync(sandbox, admin, "cloudtrail", "LookupEvents", (JsonObject)filter.DeepClone());

        Assert.Empty(JsonNode.Parse(before)!["Events"]!.AsArray());
        Assert.Single(JsonNode.Parse(after)!["Events"]!.AsArray());
    }
}

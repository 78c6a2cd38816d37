using CredIr.Sandbox.Tests.Support;

namespace CredIr.Sandbox.Tests.Boto;

public sealed class ThrottlingTests
{
    [Fact]
    public async Task LookupEvents_BeyondTwoPerSecond_ThrottledInThatRegionOnly()
    {
        await using var sandbox = await ShippedScenarios.StartAsync();
        Assert.Equal(2, sandbox.LookupEventsRateLimit);

        var result = await Boto3.RunAsync("throttle.py", Boto3.Input(sandbox, sandbox.Accounts[0].AdminCredentials, new { calls = 12 }));

        var codes = result.GetProperty("outcomes").EnumerateArray().Select(o => o.GetProperty("code").GetString()).ToList();
        Assert.Equal(["ok", "ok"], codes.Take(2));
        var throttled = result.GetProperty("outcomes").EnumerateArray().First(o => o.GetProperty("code").GetString() != "ok");
        Assert.Equal("ThrottlingException", throttled.GetProperty("code").GetString());
        Assert.Equal("Rate exceeded", throttled.GetProperty("message").GetString());
        Assert.Equal(400, throttled.GetProperty("status").GetInt32());
        Assert.Equal("ok", result.GetProperty("otherRegion").GetProperty("code").GetString());
    }
}

using CredIr.Sandbox.Tests.Support;

namespace CredIr.Sandbox.Tests.Boto;

/// <summary>
/// AWS may answer a LookupEvents page with no events and a NextToken; the sandbox does too when asked
/// (<see cref="FaultOptions.EmptyPageRate"/>), and boto3's own paginator still gets every event once.
/// </summary>
public sealed class LookupEmptyPagesTests
{
    [Fact]
    public async Task EmptyPagesWithANextToken_Boto3Paginator_GetsEveryEventOnce()
    {
        await using var sandbox = await ShippedScenarios.StartAsync();
        sandbox.LookupEventsRateLimit = null;
        sandbox.Faults.Set("cloudtrail", new FaultOptions { EmptyPageRate = 0.5 });

        var result = await Boto3.RunAsync("lookup_empty_pages.py", Boto3.Input(sandbox, sandbox.Accounts[0].AdminCredentials, new { count = 12, pageSize = 5 }));

        var pages = result.GetProperty("pages").EnumerateArray().Select(p => p.GetInt32()).ToList();
        var ids = result.GetProperty("eventIds").EnumerateArray().Select(e => e.GetString()).ToList();
        Assert.Contains(0, pages.SkipLast(1));
        Assert.Equal(12, ids.Count);
        Assert.Equal(12, ids.Distinct().Count());
    }
}

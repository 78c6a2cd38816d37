using CredIr.Sandbox.Tests.Support;

namespace CredIr.Sandbox.Tests.Boto;

public sealed class LookupEventsTests(LookupPagingFixture fixture) : IClassFixture<LookupPagingFixture>
{
    [Fact]
    public void Paging_ByAccessKeyId_ReturnsEveryCallOnceNewestFirst()
    {
        var r = fixture.Result;
        var ids = r.GetProperty("eventIds").EnumerateArray().Select(e => e.GetString()).ToList();
        var times = r.GetProperty("times").EnumerateArray().Select(e => DateTimeOffset.Parse(e.GetString()!, System.Globalization.CultureInfo.InvariantCulture)).ToList();

        Assert.Equal(LookupPagingFixture.Calls, ids.Count);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(times.OrderByDescending(t => t), times);
        Assert.Equal([5, 5, 5, 5, 3], r.GetProperty("pages").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(["GetCallerIdentity"], r.GetProperty("names").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["pager"], r.GetProperty("usernames").EnumerateArray().Select(e => e.GetString()));
    }

    [Theory]
    [InlineData("tampered", "InvalidNextTokenException")]
    [InlineData("otherQueryToken", "InvalidNextTokenException")]
    [InlineData("twoAttributes", "InvalidLookupAttributesException")]
    [InlineData("badKey", "InvalidLookupAttributesException")]
    [InlineData("maxResults51", "InvalidMaxResultsException")]
    [InlineData("badRange", "InvalidTimeRangeException")]
    public void InvalidRequest_IsRefusedWithTheDocumentedException(string check, string code)
    {
        var error = fixture.Result.GetProperty(check);

        Assert.Equal(code, error.GetProperty("code").GetString());
        Assert.Equal(400, error.GetProperty("status").GetInt32());
    }
}

using CredIr.HuaweiCloud.Cts;
using CredIr.HuaweiCloud.Tests.Support;

namespace CredIr.HuaweiCloud.Tests.Cts;

public sealed class TraceTests : IAsyncLifetime
{
    private HuaweiSandbox _sandbox = null!;
    private string _project = null!;

    public async Task InitializeAsync()
    {
        _sandbox = await HuaweiSandbox.StartAsync();
        _project = _sandbox.Cloud.ProjectId(HuaweiSandbox.HomeRegion);
    }

    public async Task DisposeAsync() => await _sandbox.DisposeAsync();

    // Up to a second ago: the test's own ListTraces calls come later and are recorded too (the scenario's are hours old).
    private static CtsTraceQuery LastDay(DateTimeOffset now) => new() { From = now.AddDays(-1), To = now.AddSeconds(-1) };

    [Fact]
    public async Task ListAllTraces_LimitTwo_FollowsNextMarkerToEveryTraceOnceNewestFirst()
    {
        var cts = _sandbox.Cts();
        var now = DateTimeOffset.UtcNow;
        var whole = await cts.ListTracesAsync(HuaweiSandbox.HomeRegion, _project, LastDay(now) with { Limit = 200 }, CancellationToken.None);
        Assert.Null(whole.NextMarker);

        var first = await cts.ListTracesAsync(HuaweiSandbox.HomeRegion, _project, LastDay(now) with { Limit = 2 }, CancellationToken.None);
        var paged = await cts.ListAllTracesAsync(HuaweiSandbox.HomeRegion, _project, LastDay(now) with { Limit = 2 }, CancellationToken.None).ToListAsync();

        Assert.Equal(2, first.Traces.Count);
        Assert.Equal(first.Traces[^1].TraceId, first.NextMarker);
        Assert.True(whole.Traces.Count > 10, $"the scenario made {whole.Traces.Count} traces");
        Assert.Equal(whole.Traces.Select(static t => t.TraceId), paged.Select(static t => t.TraceId));
        Assert.Equal(paged.OrderByDescending(static t => t.Time).Select(static t => t.Time), paged.Select(static t => t.Time));
    }

    [Fact]
    public async Task ListTraces_LeakedKeySinceCompromise_TheActorsCallsInOrder()
    {
        // The leak is at -2h40m of the sandbox's start, a moment before now; the account's previous call is at -3h05m.
        var compromise = _sandbox.Host.Clock.GetUtcNow().AddHours(-2).AddMinutes(-45);
        var query = new CtsTraceQuery { From = compromise, To = DateTimeOffset.UtcNow.AddMinutes(1), AccessKeyId = HuaweiSandbox.LeakedKey, Limit = 3 };

        var traces = await _sandbox.Cts().ListAllTracesAsync(HuaweiSandbox.HomeRegion, _project, query, CancellationToken.None).ToListAsync();

        Assert.Equal(["getCredential", "listProjects", "listAgencies", "createUser", "createCredential", "updateRole"], traces.AsEnumerable().Reverse().Select(static t => t.TraceName));
        Assert.All(traces, static t =>
        {
            Assert.Equal("203.0.113.77", t.SourceIp);
            Assert.Equal("ci-deployer", t.User!.Name);
            Assert.Equal("acme-cloud", t.User.Domain!.Name);
            Assert.Equal("IAM", t.ServiceType);
            Assert.Equal("system", t.EventType);
            Assert.Equal("ApiCall", t.TraceType);
        });
    }

    [Fact]
    public async Task ListTraces_CreateCredentialTrace_NamesTheNewKeyButMasksItsSecret()
    {
        var query = LastDay(DateTimeOffset.UtcNow) with { TraceName = "createCredential" };

        var trace = Assert.Single((await _sandbox.Cts().ListTracesAsync(HuaweiSandbox.HomeRegion, _project, query, CancellationToken.None)).Traces);

        Assert.Equal(HuaweiSandbox.PersistenceKey, trace.ResourceName);
        Assert.Equal("credential", trace.ResourceType);
        Assert.Equal("201", trace.Code);
        Assert.Equal("normal", trace.TraceRating);
        Assert.Contains(_sandbox.Cloud.UserId("ops-backup"), trace.Request, StringComparison.Ordinal);
        Assert.Contains("******", trace.Response, StringComparison.Ordinal);
        Assert.DoesNotContain(_sandbox.Cloud.Credentials("$create-key").SecretAccessKey, trace.Response, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListTraces_ByUserName_OnlyThatUsersCalls()
    {
        var query = LastDay(DateTimeOffset.UtcNow) with { User = "alice" };

        var traces = (await _sandbox.Cts().ListTracesAsync(HuaweiSandbox.HomeRegion, _project, query, CancellationToken.None)).Traces;

        Assert.Equal(["getUser", "listProjects"], traces.Select(static t => t.TraceName));
    }

    [Fact]
    public async Task ListTraces_ByResource_OnlyTheCallsOnThatResource()
    {
        var query = LastDay(DateTimeOffset.UtcNow) with { ResourceType = "user", ResourceName = "ops-backup" };

        var traces = (await _sandbox.Cts().ListTracesAsync(HuaweiSandbox.HomeRegion, _project, query, CancellationToken.None)).Traces;

        var trace = Assert.Single(traces);
        Assert.Equal("createUser", trace.TraceName);
        Assert.Equal(_sandbox.Cloud.UserId("ops-backup"), trace.ResourceId);
        Assert.Equal(HuaweiSandbox.LeakedKey, trace.User!.AccessKeyId);
    }

    [Fact]
    public async Task ListTraces_DefaultWindow_OnlyTheLastHour()
    {
        var traces = (await _sandbox.Cts().ListTracesAsync(HuaweiSandbox.HomeRegion, _project, new CtsTraceQuery { Limit = 200 }, CancellationToken.None)).Traces;

        Assert.All(traces, static t => Assert.True(t.At > DateTimeOffset.UtcNow.AddHours(-1).AddMinutes(-1), $"{t.TraceName} at {t.At:O} is older than an hour"));
    }

    [Fact]
    public async Task ListTraces_DataTraces_NoneRecorded()
    {
        var page = await _sandbox.Cts().ListTracesAsync(HuaweiSandbox.HomeRegion, _project, LastDay(DateTimeOffset.UtcNow) with { TraceType = "data" }, CancellationToken.None);

        Assert.Empty(page.Traces);
    }

    [Fact]
    public async Task ListTraces_UnknownMarker_BadRequestNamingNext()
    {
        var failure = await Assert.ThrowsAsync<HuaweiCloudException>(() => _sandbox.Cts().ListTracesAsync(HuaweiSandbox.HomeRegion, _project,
            LastDay(DateTimeOffset.UtcNow) with { Next = "00000000-0000-0000-0000-000000000000" }, CancellationToken.None));

        Assert.Equal(System.Net.HttpStatusCode.BadRequest, failure.Status);
        Assert.Equal("CTS.0001", failure.ErrorCode);
        Assert.Contains("next", failure.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListTraces_ProjectOfAnotherRegion_Refused()
    {
        var failure = await Assert.ThrowsAsync<HuaweiCloudException>(() => _sandbox.Cts().ListTracesAsync("ap-southeast-1", _project, new CtsTraceQuery(), CancellationToken.None));

        Assert.Equal("CTS.0001", failure.ErrorCode);
    }

    [Fact]
    public async Task ListTraces_LimitOutOfRange_RejectedBeforeAnyCall() =>
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => _sandbox.Cts().ListTracesAsync(HuaweiSandbox.HomeRegion, _project, new CtsTraceQuery { Limit = 201 }, CancellationToken.None));

    [Fact]
    public async Task ListTraces_ItsOwnCall_RecordedInTheRegionQueried()
    {
        var region = "eu-west-101";
        await _sandbox.Cts().ListTracesAsync(region, _sandbox.Cloud.ProjectId(region), new CtsTraceQuery(), CancellationToken.None);

        var trace = Assert.Single(_sandbox.Cloud.Traces(region));
        Assert.Equal("listTraces", trace["trace_name"]!.ToString());
        Assert.Equal("CTS", trace["service_type"]!.ToString());
        Assert.Equal("HPUAACMEADMINKEY0001", trace["user"]!["access_key_id"]!.ToString());
    }

    [Fact]
    public async Task RefusedOperation_UnknownAccessKey_RecordedAsAWarningTrace()
    {
        await Assert.ThrowsAsync<HuaweiCloudException>(() => _sandbox.Iam("alice").GetAccessKeyAsync("HPUANOSUCHKEY0000001", CancellationToken.None));

        var trace = _sandbox.Cloud.Traces(HuaweiSandbox.HomeRegion)[^1];
        Assert.Equal("getCredential", trace["trace_name"]!.ToString());
        Assert.Equal("404", trace["code"]!.ToString());
        Assert.Equal("warning", trace["trace_rating"]!.ToString());
        Assert.Equal("alice", trace["user"]!["name"]!.ToString());
    }

    [Fact]
    public async Task GatewayRefusal_InactiveKey_LeavesNoTrace()
    {
        var leaked = _sandbox.Iam("ci-deployer");
        await _sandbox.Iam().SetAccessKeyStatusAsync(HuaweiSandbox.LeakedKey, active: false, CancellationToken.None);
        var before = _sandbox.Cloud.Traces(HuaweiSandbox.HomeRegion);

        await Assert.ThrowsAsync<HuaweiCloudException>(() => leaked.ListProjectsAsync(null, CancellationToken.None));

        var after = _sandbox.Cloud.Traces(HuaweiSandbox.HomeRegion);
        Assert.Equal(before.Count, after.Count);
        Assert.Equal("updateCredential", after[^1]["trace_name"]!.ToString());
    }
}

using System.Text.Json;
using CredIr.Aws.Tests.Support;

namespace CredIr.Aws.Tests.CloudTrail;

public sealed class CloudTrailClientTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task LookupEvents_ByAccessKey_PagesThroughEveryCallWithItsRecord()
    {
        using var clients = SandboxClients.Create(fixture.Sandbox);
        var bob = clients.As("bob");
        for (var i = 0; i < 7; i++)
        {
            await bob.Sts.GetCallerIdentityAsync();
        }

        var bobKey = fixture.Sandbox.Credentials("bob").AccessKeyId;
        var request = new LookupEventsRequest
        {
            LookupAttributes = [new LookupAttribute(LookupAttributeKey.AccessKeyId, bobKey)],
            MaxResults = 3,
        };

        var pages = await clients.Admin().CloudTrail.LookupEventsPagesAsync(request).ToListAsync();
        var events = pages.SelectMany(p => p.Events).ToList();

        Assert.True(pages.Count >= 3, $"expected at least 3 pages of 3, got {pages.Count}");
        Assert.Null(pages[^1].NextToken);
        Assert.True(events.Count(e => e.EventName == "GetCallerIdentity") >= 7);
        Assert.All(events, e => Assert.Equal(bobKey, e.AccessKeyId));
        using var record = JsonDocument.Parse(events[0].CloudTrailEvent);
        Assert.Equal(bobKey, record.RootElement.GetProperty("userIdentity").GetProperty("accessKeyId").GetString());
        Assert.Equal(events.OrderByDescending(e => e.EventTime).Select(e => e.EventId), events.Select(e => e.EventId));
    }

    [Fact]
    public async Task LookupEvents_ResumedFromACheckpointToken_ContinuesWhereThePageEnded()
    {
        using var clients = SandboxClients.Create(fixture.Sandbox);
        var admin = clients.Admin();
        for (var i = 0; i < 4; i++)
        {
            await admin.Iam.GetUserAsync(new GetUserRequest("alice"));
        }

        var request = Window() with { LookupAttributes = [new LookupAttribute(LookupAttributeKey.EventName, "GetUser")], MaxResults = 2 };
        var first = await admin.CloudTrail.LookupEventsPageAsync(request);
        var rest = await admin.CloudTrail.LookupEventsAsync(request with { NextToken = first.NextToken }).ToListAsync();
        var all = await admin.CloudTrail.LookupEventsAsync(request).ToListAsync();

        Assert.NotNull(first.NextToken);
        Assert.Equal(all.Select(e => e.EventId), first.Events.Concat(rest).Select(e => e.EventId));
    }

    [Fact]
    public async Task LookupEvents_SandboxAtAwsRate_ClientTokenBucketAvoidsThrottling()
    {
        fixture.Sandbox.LookupEventsRateLimit = 2;
        try
        {
            // A little under the sandbox's 2/s, so HTTP latency jitter cannot push a request into its empty bucket.
            using var clients = SandboxClients.Create(fixture.Sandbox, o =>
            {
                o.MaxAttempts = 1;
                o.LookupEventsPerSecond = 1.5;
                o.LookupEventsBurst = 1;
            });
            var cloudTrail = clients.Admin().CloudTrail;
            var request = new LookupEventsRequest { MaxResults = 1 };

            var pages = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => cloudTrail.LookupEventsPageAsync(request)));

            Assert.Equal(6, pages.Length);
            Assert.Equal(6, clients.Counter.Count);
        }
        finally
        {
            fixture.Sandbox.LookupEventsRateLimit = 0;
        }
    }

    [Fact]
    public async Task LookupEvents_SandboxAtAwsRateWithoutClientLimit_IsThrottledAsThrottlingExceptionAndCounted()
    {
        fixture.Sandbox.LookupEventsRateLimit = 2;
        try
        {
            using var clients = SandboxClients.Create(fixture.Sandbox, o =>
            {
                o.MaxAttempts = 1;
                o.LookupEventsPerSecond = 1000;
                o.LookupEventsBurst = 1000;
            });
            var cloudTrail = clients.Admin().CloudTrail;
            var throttledBefore = fixture.Sandbox.LookupEventsThrottled;

            var calls = Enumerable.Range(0, 6).Select(_ => cloudTrail.LookupEventsPageAsync(new LookupEventsRequest { MaxResults = 1 })).ToList();
            var error = await Assert.ThrowsAsync<AwsServiceException>(() => Task.WhenAll(calls));

            Assert.Equal("ThrottlingException", error.Code);
            Assert.True(error.IsThrottling);
            Assert.Equal(calls.Count(static c => c.IsFaulted), fixture.Sandbox.LookupEventsThrottled - throttledBefore);
        }
        finally
        {
            fixture.Sandbox.LookupEventsRateLimit = 0;
        }
    }

    [Fact]
    public async Task LookupEvents_MaxResultsOutOfRange_ThrowsTheServiceValidationCode()
    {
        using var clients = SandboxClients.Create(fixture.Sandbox);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => clients.Admin().CloudTrail.LookupEventsPageAsync(new LookupEventsRequest { MaxResults = 500 }));

        Assert.Equal("InvalidMaxResultsException", error.Code);
        Assert.Equal("LookupEvents", error.Operation);
    }

    [Fact]
    public async Task Trails_StopThenStart_StatusFollows()
    {
        using var clients = SandboxClients.Create(fixture.Sandbox);
        var cloudTrail = clients.Admin().CloudTrail;
        var trail = Assert.Single((await cloudTrail.DescribeTrailsAsync()).Trails);

        await cloudTrail.StopLoggingAsync(new StopLoggingRequest(trail.Name));
        var stopped = await cloudTrail.GetTrailStatusAsync(new GetTrailStatusRequest(trail.Name));
        await cloudTrail.StartLoggingAsync(new StartLoggingRequest(trail.TrailArn ?? trail.Name));
        var started = await cloudTrail.GetTrailStatusAsync(new GetTrailStatusRequest(trail.Name));

        Assert.False(stopped.IsLogging);
        Assert.NotNull(stopped.StopLoggingTime);
        Assert.True(started.IsLogging);
        Assert.StartsWith("aws-cloudtrail-logs-", trail.S3BucketName, StringComparison.Ordinal);
    }

    // A scan looks from the compromise time to now: the window is part of the lookup its token resumes.
    private static LookupEventsRequest Window() => new()
    {
        StartTime = DateTimeOffset.UtcNow.AddHours(-1),
        EndTime = DateTimeOffset.UtcNow.AddHours(1),
    };

    [Fact]
    public async Task GetTrailStatus_UnknownTrail_ThrowsTrailNotFound()
    {
        using var clients = SandboxClients.Create(fixture.Sandbox);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => clients.Admin().CloudTrail.GetTrailStatusAsync(new GetTrailStatusRequest("no-such-trail")));

        Assert.Equal("TrailNotFoundException", error.Code);
    }
}

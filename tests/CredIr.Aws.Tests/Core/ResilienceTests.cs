using CredIr.Aws.Tests.Support;
using CredIr.Sandbox;
using Polly.Timeout;

namespace CredIr.Aws.Tests.Core;

/// <summary>Retries under the sandbox's injected faults, counted on the wire.</summary>
public sealed class ResilienceTests(SandboxFixture fixture) : IClassFixture<SandboxFixture>, IDisposable
{
    public void Dispose() => fixture.Sandbox.Faults.Clear();

    [Fact]
    public async Task HalfOfCallsThrottled_EveryCallStillSucceeds_WithMoreAttemptsThanCalls()
    {
        using var clients = SandboxClients.Create(fixture.Sandbox, o => o.MaxAttempts = 10);
        fixture.Sandbox.Faults.Set("iam", new FaultOptions { ThrottleRate = 0.5 });

        for (var i = 0; i < 10; i++)
        {
            await clients.Admin().Iam.GetUserAsync(new GetUserRequest("alice"));
        }

        Assert.True(clients.Counter.Count > 10, $"expected retries, saw {clients.Counter.Count} requests for 10 calls");
    }

    [Theory]
    [InlineData("iam", "Throttling")]
    [InlineData("cloudtrail", "ThrottlingException")]
    [InlineData("ec2", "RequestLimitExceeded")]
    [InlineData("s3", "SlowDown")]
    public async Task AlwaysThrottled_GivesUpAfterMaxAttempts_WithTheProtocolsThrottlingCode(string service, string code)
    {
        using var clients = SandboxClients.Create(fixture.Sandbox, o => o.MaxAttempts = 3);
        fixture.Sandbox.Faults.Set(service, new FaultOptions { ThrottleRate = 1 });
        var admin = clients.Admin();
        Func<Task> call = service switch
        {
            "iam" => () => admin.Iam.GetUserAsync(new GetUserRequest("alice")),
            "cloudtrail" => () => admin.CloudTrail.DescribeTrailsAsync(),
            "ec2" => () => admin.Ec2.DescribeRegionsAsync(),
            _ => () => admin.S3.ListBucketsAsync(),
        };

        var error = await Assert.ThrowsAsync<AwsServiceException>(call);

        Assert.Equal(code, error.Code);
        Assert.True(error.IsThrottling);
        Assert.Equal(3, error.Attempts);
        Assert.Equal(3, clients.Counter.Count);
    }

    [Fact]
    public async Task Always5xx_GivesUpAfterMaxAttempts()
    {
        using var clients = SandboxClients.Create(fixture.Sandbox, o => o.MaxAttempts = 4);
        fixture.Sandbox.Faults.Set("sts", new FaultOptions { ServerErrorRate = 1 });

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => clients.Admin().Sts.GetCallerIdentityAsync());

        Assert.InRange((int)error.HttpStatus, 500, 599);
        Assert.True(error.IsRetryable);
        Assert.False(error.IsThrottling);
        Assert.Equal(4, clients.Counter.Count);
    }

    [Fact]
    public async Task ClientError_IsNeverRetried_EvenWhenRetriesAreAllowed()
    {
        using var clients = SandboxClients.Create(fixture.Sandbox, o => o.MaxAttempts = 5);

        var error = await Assert.ThrowsAsync<AwsServiceException>(() => clients.As("bob").Iam.GetUserAsync(new GetUserRequest("alice")));

        Assert.Equal("AccessDenied", error.Code);
        Assert.Equal(1, clients.Counter.Count);
    }

    [Fact]
    public async Task SlowService_AttemptTimeout_IsRetriedThenReported()
    {
        using var clients = SandboxClients.Create(fixture.Sandbox, o =>
        {
            o.MaxAttempts = 2;
            o.AttemptTimeout = TimeSpan.FromMilliseconds(200);
        });
        fixture.Sandbox.Faults.Set("lambda", new FaultOptions { Latency = TimeSpan.FromSeconds(5) });

        await Assert.ThrowsAsync<TimeoutRejectedException>(() => clients.Admin().Lambda.ListFunctionsAsync().ToListAsync());

        Assert.Equal(2, clients.Counter.Count);
    }

    [Fact]
    public async Task Cancellation_DuringBackoff_StopsWithoutAnotherAttempt()
    {
        using var clients = SandboxClients.Create(fixture.Sandbox, o =>
        {
            o.MaxAttempts = 5;
            o.BaseDelay = TimeSpan.FromMinutes(10);
            o.MaxDelay = TimeSpan.FromMinutes(10);
        });
        fixture.Sandbox.Faults.Set("iam", new FaultOptions { ServerErrorRate = 1 });
        using var cancellation = new CancellationTokenSource();

        var call = clients.Admin().Iam.GetUserAsync(new GetUserRequest("alice"), cancellation.Token);
        await clients.Counter.FirstRequest.WaitAsync(TimeSpan.FromSeconds(30));
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(1, clients.Counter.Count);
    }

    [Fact]
    public async Task Cancellation_WhileWaitingForTheRateLimiter_Stops()
    {
        using var clients = SandboxClients.Create(fixture.Sandbox, o =>
        {
            o.LookupEventsPerSecond = 0.001;
            o.LookupEventsBurst = 1;
        });
        var cloudTrail = clients.Admin().CloudTrail;
        await cloudTrail.LookupEventsPageAsync(new LookupEventsRequest { MaxResults = 1 });
        using var cancellation = new CancellationTokenSource();

        var waiting = cloudTrail.LookupEventsPageAsync(new LookupEventsRequest { MaxResults = 1 }, cancellation.Token);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal(1, clients.Counter.Count);
    }
}

using System.Text.Json.Nodes;
using CredIr.Sandbox.Tests.Support;

namespace CredIr.Sandbox.Tests.Services;

/// <summary>
/// AWS counts a LookupEvents request against its account-region's 2 requests/s when it arrives. The sandbox's injected
/// latency must not move that moment: requests sent at the rate whose answers come back bunched are all served.
/// </summary>
public sealed class LookupEventsArrivalTests
{
    [Fact]
    public async Task LookupEvents_SentAtTwoPerSecondWithLatencyThatBunchesTheAnswers_NoneIsThrottled()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var sandbox = await StartAsync(time);
        Task<(int Status, string Body)> Lookup() => LookupAsync(sandbox, time);

        // Sent 0.5 s apart, the first answered after 1 s, the second after 0.5 s, the third at once: all three answers
        // are due at the same moment, three requests in an instant where the bucket holds two.
        sandbox.Faults.Set("cloudtrail", new FaultOptions { Latency = TimeSpan.FromSeconds(1) });
        var first = Lookup();
        await time.TimersCreated(1);
        time.Advance(TimeSpan.FromMilliseconds(500));
        sandbox.Faults.Set("cloudtrail", new FaultOptions { Latency = TimeSpan.FromMilliseconds(500) });
        var second = Lookup();
        await time.TimersCreated(2);
        sandbox.Faults.Clear("cloudtrail");
        time.Advance(TimeSpan.FromMilliseconds(500));
        var third = Lookup();
        var answers = await Task.WhenAll(first, second, third);

        Assert.All(answers, a => Assert.Equal(200, a.Status));
        Assert.Equal(0, sandbox.LookupEventsThrottled);
    }

    [Fact]
    public async Task LookupEvents_ThreeArrivingAtOnceWhileTheFirstIsDelayed_TheThirdIsThrottledAtOnce()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var sandbox = await StartAsync(time);
        sandbox.Faults.Set("cloudtrail", new FaultOptions { Latency = TimeSpan.FromSeconds(5) });
        var slow = LookupAsync(sandbox, time);
        await time.TimersCreated(1);
        sandbox.Faults.Clear("cloudtrail");

        var second = await LookupAsync(sandbox, time);
        var third = await LookupAsync(sandbox, time);
        time.Advance(TimeSpan.FromSeconds(5));

        Assert.Equal(200, (await slow).Status);
        Assert.Equal(200, second.Status);
        Assert.Equal(400, third.Status);
        Assert.Contains("ThrottlingException", third.Body, StringComparison.Ordinal);
        Assert.Equal(1, sandbox.LookupEventsThrottled);
    }

    /// <summary>A sandbox on the test's clock at AWS's 2 requests/s (its injected latency runs on that clock too).</summary>
    private static async Task<SandboxHost> StartAsync(FakeTimeProvider time)
    {
        var sandbox = await SandboxHost.StartAsync(new SandboxOptions { Port = 0, TimeProvider = time }, CancellationToken.None);
        sandbox.LookupEventsRateLimit = 2;
        return sandbox;
    }

    /// <summary>One LookupEvents page as the management account's admin, signed at the sandbox's time.</summary>
    private static Task<(int Status, string Body)> LookupAsync(SandboxHost sandbox, FakeTimeProvider time) =>
        RawClient.SendAsync(sandbox, sandbox.Accounts[0].AdminCredentials, "cloudtrail", "LookupEvents", new JsonObject { ["MaxResults"] = 1 }, time.GetUtcNow());
}

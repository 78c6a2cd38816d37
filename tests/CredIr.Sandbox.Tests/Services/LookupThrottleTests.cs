using CredIr.Sandbox.Services.CloudTrail;
using CredIr.Sandbox.Tests.Support;

namespace CredIr.Sandbox.Tests.Services;

public sealed class LookupThrottleTests
{
    [Fact]
    public void TwoPerSecond_ThirdCallInTheSameSecond_IsRefusedUntilTimePasses()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var throttle = new LookupThrottle(time) { Rate = 2 };

        Assert.True(throttle.TryAcquire("111111111111", "us-east-1"));
        Assert.True(throttle.TryAcquire("111111111111", "us-east-1"));
        Assert.False(throttle.TryAcquire("111111111111", "us-east-1"));
        Assert.True(throttle.TryAcquire("111111111111", "eu-west-1"));
        Assert.True(throttle.TryAcquire("222222222222", "us-east-1"));

        time.Advance(TimeSpan.FromMilliseconds(500));

        Assert.True(throttle.TryAcquire("111111111111", "us-east-1"));
        Assert.False(throttle.TryAcquire("111111111111", "us-east-1"));
    }

    [Fact]
    public void RateOff_NeverRefuses()
    {
        var throttle = new LookupThrottle(new FakeTimeProvider(DateTimeOffset.UnixEpoch)) { Rate = null };

        Assert.All(Enumerable.Range(0, 100), _ => Assert.True(throttle.TryAcquire("111111111111", "us-east-1")));
    }
}

using CredIr.Grpc.Internal;

namespace CredIr.Grpc.Tests.Protocol;

public sealed class GrpcTimeoutTests
{
    [Theory]
    [InlineData("2H", 2 * TimeSpan.TicksPerHour)]
    [InlineData("3M", 3 * TimeSpan.TicksPerMinute)]
    [InlineData("10S", 10 * TimeSpan.TicksPerSecond)]
    [InlineData("250m", 250 * TimeSpan.TicksPerMillisecond)]
    [InlineData("1500u", 1500 * TimeSpan.TicksPerMicrosecond)]
    [InlineData("99999999n", 999_999)]
    public void TryParse_EveryUnit_GivesTheTimeout(string header, long ticks)
    {
        Assert.True(GrpcTimeout.TryParse(header, out var timeout));
        Assert.Equal(TimeSpan.FromTicks(ticks), timeout);
    }

    [Theory]
    [InlineData("")]
    [InlineData("S")]
    [InlineData("10")]
    [InlineData("10s")]
    [InlineData("-1S")]
    [InlineData("123456789S")]
    [InlineData("1.5S")]
    public void TryParse_Malformed_IsRefused(string header)
    {
        Assert.False(GrpcTimeout.TryParse(header, out _));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(999)]
    [InlineData(30_000)]
    [InlineData(86_400_000)]
    public void Format_ThenParse_NeverShortensTheTimeout(int milliseconds)
    {
        var timeout = TimeSpan.FromMilliseconds(milliseconds);

        var header = GrpcTimeout.Format(timeout);

        Assert.InRange(header.Length, 2, 9);
        Assert.True(GrpcTimeout.TryParse(header, out var parsed));
        Assert.True(parsed >= timeout, $"{header} is shorter than {timeout}");
    }
}

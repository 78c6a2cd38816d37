using System.Globalization;

namespace CredIr.Gateway.Proxy;

/// <summary>The grpc-timeout header: up to 8 digits and a unit (H M S m u n).</summary>
internal static class GrpcTimeout
{
    public static TimeSpan? Parse(string? value)
    {
        if (string.IsNullOrEmpty(value) || value.Length < 2
            || !long.TryParse(value.AsSpan(0, value.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var amount))
        {
            return null;
        }

        return value[^1] switch
        {
            'H' => TimeSpan.FromHours(amount),
            'M' => TimeSpan.FromMinutes(amount),
            'S' => TimeSpan.FromSeconds(amount),
            'm' => TimeSpan.FromMilliseconds(amount),
            'u' => TimeSpan.FromMicroseconds(amount),
            'n' => TimeSpan.FromTicks(amount / 100),
            _ => null,
        };
    }

    /// <summary>In milliseconds, at least 1, within the header's 8 digits.</summary>
    public static string Format(TimeSpan timeout)
    {
        var ms = Math.Max(1, (long)Math.Ceiling(timeout.TotalMilliseconds));
        return ms < 100_000_000
            ? ms.ToString(CultureInfo.InvariantCulture) + "m"
            : Math.Min(99_999_999, ms / 1000).ToString(CultureInfo.InvariantCulture) + "S";
    }
}

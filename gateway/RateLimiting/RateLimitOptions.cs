namespace CredIr.Gateway.RateLimiting;

/// <summary>
/// Section "Gateway:RateLimit": a token bucket per remote address, taken before authentication (so a flood
/// of bad tokens is limited before any signature is checked), and one per caller (subject, else remote
/// address) after it.
/// </summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "Gateway:RateLimit";

    public bool Enabled { get; set; } = true;

    public int TokenLimit { get; set; } = 200;

    public int TokensPerPeriod { get; set; } = 100;

    public TimeSpan ReplenishmentPeriod { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Larger than a caller's: several callers may share an address (a portal, a NAT).</summary>
    public int AddressTokenLimit { get; set; } = 1000;

    public int AddressTokensPerPeriod { get; set; } = 500;
}

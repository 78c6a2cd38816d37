namespace CredIr.Gateway.RateLimiting;

/// <summary>Section "Gateway:RateLimit": one token bucket per caller (subject, else remote address).</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "Gateway:RateLimit";

    public bool Enabled { get; set; } = true;

    public int TokenLimit { get; set; } = 200;

    public int TokensPerPeriod { get; set; } = 100;

    public TimeSpan ReplenishmentPeriod { get; set; } = TimeSpan.FromSeconds(1);
}

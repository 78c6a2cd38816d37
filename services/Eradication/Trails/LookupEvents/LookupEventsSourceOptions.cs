namespace CredIr.Eradication.Trails.LookupEvents;

/// <summary>How a LookupEvents scan spreads over an organization (section "Eradication:LookupEvents").</summary>
public sealed class LookupEventsSourceOptions
{
    public const string SectionName = "Eradication:LookupEvents";

    /// <summary>
    /// Segments each account-region's window starts with, paged concurrently. More are split off as pages show
    /// how much is left and calls show how slow the region is: one LookupEvents call can take seconds, so a
    /// single page chain would use a fraction of the requests per second the account-region allows.
    /// </summary>
    public int SegmentsPerUnit { get; set; } = 2;

    /// <summary>LookupEvents requests per second per account-region (AWS: 2); sizes the chains per account-region.</summary>
    public double RequestsPerSecond { get; set; } = 2;

    /// <summary>Most page chains one account-region runs at once, however slow its calls.</summary>
    public int MaxChainsPerAccountRegion { get; set; } = 16;

    /// <summary>Page chains running at once across the organization; beyond it, chains wait for a slot.</summary>
    public int MaxConcurrentChains { get; set; } = 16384;

    /// <summary>Items buffered between the page chains and the consumer; bounds memory whatever the number of events.</summary>
    public int ChannelCapacity { get; set; } = 1024;
}

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

    /// <summary>
    /// LookupEvents calls in flight at once across the organization (each holds a connection). Beyond it, calls
    /// wait, those of the account-regions with the most pages left first. 1024 calls of 2 s each are 512 calls/s.
    /// </summary>
    public int MaxRequestsInFlight { get; set; } = 1024;

    /// <summary>Items buffered between the page chains and the consumer; bounds memory whatever the number of events.</summary>
    public int ChannelCapacity { get; set; } = 1024;
}

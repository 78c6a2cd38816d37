namespace CredIr.Eradication.Trails.LookupEvents;

/// <summary>How a LookupEvents scan spreads over an organization (section "Eradication:LookupEvents").</summary>
public sealed class LookupEventsSourceOptions
{
    public const string SectionName = "Eradication:LookupEvents";

    /// <summary>
    /// Time segments per account-region, paged concurrently: one LookupEvents call can take seconds, so a
    /// single page chain would use a fraction of the 2 requests/s the account-region allows.
    /// </summary>
    public int SegmentsPerUnit { get; set; } = 4;

    /// <summary>Page chains running at once across the organization (each waits on its account-region's bucket).</summary>
    public int MaxConcurrentChains { get; set; } = 2048;

    /// <summary>Items buffered between the page chains and the consumer; bounds memory whatever the number of events.</summary>
    public int ChannelCapacity { get; set; } = 1024;
}

namespace CredIr.Eradication.Trails.LookupEvents;

/// <summary>
/// A page chain in flight. It reads its unit newest first; <see cref="Floor"/> is where its share of the
/// segment now ends, raised when the older part is split off to new chains (records below it are theirs).
/// Only the chain's own task touches it.
/// </summary>
internal sealed class LookupChain(LookupUnit unit, LookupLane lane, string? token, DateTimeOffset floor)
{
    public LookupUnit Unit { get; } = unit;

    public LookupLane Lane { get; } = lane;

    public string? Token { get; set; } = token;

    public DateTimeOffset Floor { get; set; } = floor;

    /// <summary>Pages the chain expects still to read; one until its first page shows the density. Kept by its lane.</summary>
    public double PagesLeft { get; set; } = 1;

    /// <summary>Whether a record at this time is this chain's to report.</summary>
    public bool Owns(DateTimeOffset time) =>
        time >= Floor && (time < Unit.End || (Unit.LastSegment && time <= Unit.End));
}

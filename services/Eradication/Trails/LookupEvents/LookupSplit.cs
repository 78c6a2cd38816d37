namespace CredIr.Eradication.Trails.LookupEvents;

/// <summary>
/// How a chain hands the older part of what it has left to new chains. After a page it has read everything
/// newer than the page's oldest record; the rest, [floor, oldest], is cut into parts of about equal expected work
/// (pages spread evenly in time, as the page just read suggests). With many pages left each new chain takes whole
/// pages; with fewer pages left than chains to spare, each takes less than a page, so the last calls of the
/// account-region go out together rather than one after another. Cuts fall on whole seconds, CloudTrail's
/// precision, so a record is on exactly one side.
/// </summary>
internal static class LookupSplit
{
    private static readonly TimeSpan Narrowest = TimeSpan.FromSeconds(2);

    /// <summary>The segments to split off, oldest first, and the chain's new floor (the last cut).</summary>
    public static (IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End)> Parts, DateTimeOffset Floor) Plan(
        DateTimeOffset floor, DateTimeOffset oldest, TimeSpan pageSpan, int room)
    {
        var remaining = oldest - floor;
        if (room <= 0 || remaining < Narrowest * 2)
        {
            return ([], floor);
        }

        var pagesLeft = pageSpan > TimeSpan.Zero ? remaining / pageSpan : double.MaxValue;
        if (pagesLeft <= 1)
        {
            // One call reads it all.
            return ([], floor);
        }

        var parts = (int)Math.Min(Math.Min(room + 1, Math.Ceiling(pagesLeft)), remaining / Narrowest);
        if (parts < 2)
        {
            return ([], floor);
        }

        // With pages to spare, each new chain takes a whole number of pages (at the density just seen), so it ends
        // on a full page; the splitting chain keeps the rest, whose last page is partial anyway (it crosses the floor).
        var share = pagesLeft >= parts ? pageSpan * Math.Floor(pagesLeft / parts) : remaining / parts;
        var cuts = new List<DateTimeOffset>(parts - 1);
        for (var i = 1; i < parts; i++)
        {
            var cut = WholeSecond(floor + (share * i));
            if (cut > (cuts.Count > 0 ? cuts[^1] : floor) && cut < oldest)
            {
                cuts.Add(cut);
            }
        }

        var segments = new List<(DateTimeOffset, DateTimeOffset)>(cuts.Count);
        var start = floor;
        foreach (var cut in cuts)
        {
            segments.Add((start, cut));
            start = cut;
        }

        return (segments, start);
    }

    private static DateTimeOffset WholeSecond(DateTimeOffset time) =>
        new(time.UtcTicks - (time.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}

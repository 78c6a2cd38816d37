namespace CredIr.Eradication.Trails.LookupEvents;

/// <summary>
/// The chains to run for one account-region and attribute, from the query's first segments and the
/// checkpoints of an interrupted run. A checkpoint carries its chain's query (segment) and next token, not
/// its floor: the floor is recovered from the segments split off it, which lie inside its segment and
/// below it (the highest end among them). A chain's split-off chains are checkpointed before its own next
/// checkpoint, so a checkpoint with a raised floor, or one saying done, never comes without theirs; a split whose
/// checkpoints were not written is read again by the chain it came from: records may come twice after a crash,
/// never zero times.
/// </summary>
internal static class LookupResume
{
    public static IEnumerable<(LookupUnit Unit, string? Token, DateTimeOffset Floor)> Plan(
        IReadOnlyList<LookupUnit> first, IReadOnlyList<TrailCheckpoint> checkpoints, Func<DateTimeOffset, DateTimeOffset, LookupUnit> unitFor)
    {
        var known = checkpoints
            .Where(static c => c.SegmentStart is not null && c.SegmentEnd is not null)
            .Select(static c => (Start: c.SegmentStart!.Value, End: c.SegmentEnd!.Value, c.NextToken, c.Done))
            .ToList();
        foreach (var unit in first)
        {
            if (!known.Exists(k => k.Start == unit.Start && k.End == unit.End))
            {
                known.Add((unit.Start, unit.End, null, false));
            }
        }

        foreach (var segment in known.Where(static k => !k.Done))
        {
            var floor = segment.Start;
            foreach (var other in known)
            {
                if (other.Start >= segment.Start && other.End < segment.End && other.End > floor)
                {
                    floor = other.End;
                }
            }

            yield return (unitFor(segment.Start, segment.End), segment.NextToken, floor);
        }
    }
}

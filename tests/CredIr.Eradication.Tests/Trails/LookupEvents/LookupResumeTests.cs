using CredIr.Eradication.Trails;
using CredIr.Eradication.Trails.LookupEvents;

namespace CredIr.Eradication.Tests.Trails.LookupEvents;

/// <summary>Which chains a resumed scan runs, from the first segments and the checkpoints (no cloud needed).</summary>
public sealed class LookupResumeTests
{
    private static readonly DateTimeOffset Since = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Mid = Since.AddHours(12);
    private static readonly DateTimeOffset Until = Since.AddHours(24);

    [Fact]
    public void ChainSplitTwice_ResumesFromItsTokenWithTheFloorOfItsHighestSplit()
    {
        // The upper first segment [Mid, Until] split off [Mid, +15h) and later [+15h, +18h); its own floor was then +18h.
        var checkpoints = new[]
        {
            Checkpoint(Mid, Until, "token-upper", done: false),
            Checkpoint(Mid, Since.AddHours(15), null, done: true),
            Checkpoint(Since.AddHours(15), Since.AddHours(18), "token-child", done: false),
        };

        var plan = Plan(checkpoints);

        Assert.Contains((Mid, Until, "token-upper", Since.AddHours(18)), plan);
        Assert.Contains((Since.AddHours(15), Since.AddHours(18), "token-child", Since.AddHours(15)), plan);
        Assert.DoesNotContain(plan, p => p.Start == Mid && p.End == Since.AddHours(15));
    }

    [Fact]
    public void FirstSegmentNeverCheckpointed_StartsFromScratch()
    {
        var plan = Plan([Checkpoint(Mid, Until, null, done: true)]);

        Assert.Equal([(Since, Mid, (string?)null, Since)], plan);
    }

    [Fact]
    public void NoCheckpoints_EveryFirstSegmentRunsWhole()
    {
        var plan = Plan([]);

        Assert.Equal([(Since, Mid, (string?)null, Since), (Mid, Until, (string?)null, Mid)], plan);
    }

    private static List<(DateTimeOffset Start, DateTimeOffset End, string? Token, DateTimeOffset Floor)> Plan(TrailCheckpoint[] checkpoints)
    {
        var account = new CredIr.Aws.AccountSession("111111111111", null, null!, null);
        LookupUnit UnitFor(DateTimeOffset start, DateTimeOffset end) => new(account, "us-east-1", null, start, end, end == Until);
        return [.. LookupResume.Plan([UnitFor(Since, Mid), UnitFor(Mid, Until)], checkpoints, UnitFor)
            .Select(p => (p.Unit.Start, p.Unit.End, p.Token, p.Floor))];
    }

    private static TrailCheckpoint Checkpoint(DateTimeOffset start, DateTimeOffset end, string? token, bool done) =>
        new(LookupUnit.IdOf("111111111111", "us-east-1", null, start, end), "111111111111", "us-east-1", start, end, token, done);
}

using CredIr.Eradication.Trails.LookupEvents;

namespace CredIr.Eradication.Tests.Trails.LookupEvents;

public sealed class LookupSplitTests
{
    private static readonly DateTimeOffset Floor = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ManyPagesLeft_RoomForThree_SplitsOffThreeWholePageSegmentsBelowTheChainsNewFloor()
    {
        // 100 minutes left at 5 minutes a page: 20 pages; room for 3 more chains makes 4 parts of 5 pages.
        var (parts, floor) = LookupSplit.Plan(Floor, Floor.AddMinutes(100), TimeSpan.FromMinutes(5), room: 3);

        Assert.Equal([(Floor, Floor.AddMinutes(25)), (Floor.AddMinutes(25), Floor.AddMinutes(50)), (Floor.AddMinutes(50), Floor.AddMinutes(75))], parts);
        Assert.Equal(Floor.AddMinutes(75), floor);
    }

    [Fact]
    public void AtMostOnePageLeft_NothingIsSplit()
    {
        var (parts, floor) = LookupSplit.Plan(Floor, Floor.AddMinutes(5), TimeSpan.FromMinutes(5), room: 5);

        Assert.Empty(parts);
        Assert.Equal(Floor, floor);
    }

    [Fact]
    public void FewerPagesLeftThanRoom_OnePartPerPageLeft_SoTheLastCallsGoOutTogether()
    {
        // 12 minutes at 5 minutes a page: 2.4 pages, 3 calls one after another; 3 parts of 4 minutes go out at once.
        var (parts, floor) = LookupSplit.Plan(Floor, Floor.AddMinutes(12), TimeSpan.FromMinutes(5), room: 5);

        Assert.Equal([(Floor, Floor.AddMinutes(4)), (Floor.AddMinutes(4), Floor.AddMinutes(8))], parts);
        Assert.Equal(Floor.AddMinutes(8), floor);
    }

    [Fact]
    public void NoRoomInTheAccountRegion_NothingIsSplit()
    {
        var (parts, _) = LookupSplit.Plan(Floor, Floor.AddHours(10), TimeSpan.FromMinutes(1), room: 0);

        Assert.Empty(parts);
    }

    [Fact]
    public void CutsFallOnWholeSeconds_SoARecordIsOnExactlyOneSide()
    {
        var (parts, floor) = LookupSplit.Plan(Floor, Floor.AddSeconds(100.7), TimeSpan.FromSeconds(7.3), room: 4);

        Assert.NotEmpty(parts);
        Assert.All(parts, p => Assert.Equal(0, p.End.UtcTicks % TimeSpan.TicksPerSecond));
        Assert.Equal(0, floor.UtcTicks % TimeSpan.TicksPerSecond);
        Assert.Equal(Floor, parts[0].Start);
        Assert.All(parts.Zip(parts.Skip(1)), pair => Assert.Equal(pair.First.End, pair.Second.Start));
        Assert.Equal(parts[^1].End, floor);
    }
}

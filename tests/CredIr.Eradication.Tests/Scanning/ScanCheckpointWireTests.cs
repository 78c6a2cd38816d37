using CredIr.Eradication.Scanning;
using CredIr.Eradication.Trails;
using CredIr.Eradication.Trails.LookupEvents;

namespace CredIr.Eradication.Tests.Scanning;

/// <summary>Checkpoints go to the caller (the coordinator stores them) and come back to resume a scan unchanged.</summary>
public sealed class ScanCheckpointWireTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 2, 39, 59, TimeSpan.Zero);
    private static readonly DateTimeOffset End = Start.AddHours(2).AddTicks(9278325);

    [Fact]
    public void LookupChainBeforeItsFirstPage_RoundTrip_ResumesWithNoPageToken()
    {
        var checkpoint = new TrailCheckpoint(LookupUnit.IdOf("111111111111", "us-east-1", "AKIA4CIBOTLEAKEDKEY1", Start, End),
            "111111111111", "us-east-1", Start, End, NextToken: null, Done: false, Attribute: "AKIA4CIBOTLEAKEDKEY1");

        var back = ScanUpdateMapper.FromWire(ScanUpdateMapper.ToWire(checkpoint));

        Assert.Null(back.NextToken);
        Assert.Equal(checkpoint, back);
    }

    [Fact]
    public void LookupChainMidWay_RoundTrip_KeepsItsPageToken()
    {
        var checkpoint = new TrailCheckpoint(LookupUnit.IdOf("111111111111", "us-east-1", null, Start, End),
            "111111111111", "us-east-1", Start, End, NextToken: "opaque-token", Done: false);

        Assert.Equal(checkpoint, ScanUpdateMapper.FromWire(ScanUpdateMapper.ToWire(checkpoint)));
    }

    [Fact]
    public void FinishedLogFile_RoundTrip_NamesItsFile()
    {
        var checkpoint = new TrailCheckpoint("AWSLogs/111111111111/CloudTrail/us-east-1/2026/11/23/file.json.gz", "111111111111", "us-east-1", null, null, null, Done: true);

        var back = ScanUpdateMapper.FromWire(ScanUpdateMapper.ToWire(checkpoint));

        Assert.Equal(checkpoint.Unit, back.Unit);
        Assert.True(back.Done);
    }
}

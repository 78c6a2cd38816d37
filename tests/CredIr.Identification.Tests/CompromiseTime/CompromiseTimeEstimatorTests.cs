using CredIr.Contracts.V1;
using CredIr.Identification.CompromiseTime;
using CredIr.Identification.Inputs;
using CredIr.Identification.Tests.Support;

namespace CredIr.Identification.Tests.CompromiseTime;

public sealed class CompromiseTimeEstimatorTests
{
    private static readonly CompromiseTimeRequest NoFinding = new();

    [Fact]
    public void Records_NewSourceIpAfterABaseline_ProposesThatCallWithEvidence()
    {
        var records = Trail.DailyFromOffice(10);
        var attack = Trail.Call(Trail.Start.AddDays(10).AddHours(3), ip: "203.0.113.9", name: "ListBuckets");
        records.Add(attack);
        records.Add(Trail.Call(Trail.Start.AddDays(10).AddHours(4), ip: "203.0.113.9", name: "GetObject"));

        var estimate = CompromiseTimeEstimator.Estimate(NoFinding, records);

        Assert.Equal(CompromiseTimeBasis.FirstSuspiciousUse, estimate.Basis);
        Assert.Equal(attack.EventTime, estimate.Start);
        var use = estimate.FirstSuspiciousUse!;
        Assert.Equal(attack.EventId, use.Record.EventId);
        Assert.Equal("203.0.113.9", use.NewSourceIp);
        Assert.Null(use.NewUserAgent);
        Assert.Equal(6, use.BaselineSize);
        Assert.True(use.BaselineComplete);
        Assert.Contains("source IP 203.0.113.9", estimate.Explanation, StringComparison.Ordinal);
        Assert.Single(estimate.SuspiciousUses);
    }

    [Fact]
    public void Records_NewUserAgentFromKnownIp_IsFlaggedToo()
    {
        var records = Trail.DailyFromOffice(8);
        records.Add(Trail.Call(Trail.Start.AddDays(8), agent: "python-requests/2.31 pacu/1.5"));

        var estimate = CompromiseTimeEstimator.Estimate(NoFinding, records);

        Assert.Equal("python-requests/2.31 pacu/1.5", estimate.FirstSuspiciousUse?.NewUserAgent);
        Assert.Null(estimate.FirstSuspiciousUse?.NewSourceIp);
    }

    [Fact]
    public void Records_IpLastSeenBeforeTheWindow_CountsAsNewAgain()
    {
        var records = Trail.DailyFromOffice(12);
        var visit = Trail.Call(Trail.Start.AddDays(1).AddHours(1), ip: "198.51.100.1");
        var returning = Trail.Call(Trail.Start.AddDays(11).AddHours(1), ip: "198.51.100.1");
        var within = Trail.Call(Trail.Start.AddDays(11).AddHours(2), ip: "198.51.100.1");
        records.AddRange([visit, returning, within]);

        var estimate = CompromiseTimeEstimator.Estimate(NoFinding, records);

        // Ten days after its first visit the IP has left the 7-day window, so its return is new again; an hour later it is not.
        Assert.Equal([visit.EventId, returning.EventId], estimate.SuspiciousUses.Select(u => u.Record.EventId));
        Assert.Equal(visit.EventTime, estimate.Start);
    }

    [Fact]
    public void Records_NewestFirstAsLookupEventsReturnsThem_GiveTheSameProposal()
    {
        var records = Trail.DailyFromOffice(9);
        records.Add(Trail.Call(Trail.Start.AddDays(9), ip: "203.0.113.9"));
        var newestFirst = Enumerable.Reverse(records).ToList();

        Assert.Equal(CompromiseTimeEstimator.Estimate(NoFinding, records).Start, CompromiseTimeEstimator.Estimate(NoFinding, newestFirst).Start);
    }

    [Fact]
    public void Records_FirstUseAfterAQuietWholeWindow_IsFlaggedWithAnEmptyBaseline()
    {
        var firstUse = Trail.Call(Trail.Start.AddDays(30), ip: "203.0.113.9");

        var estimate = CompromiseTimeEstimator.Estimate(NoFinding with { RecordsFrom = Trail.Start }, [firstUse]);

        Assert.Equal(firstUse.EventTime, estimate.Start);
        Assert.Equal(0, estimate.FirstSuspiciousUse?.BaselineSize);
        Assert.Contains("no use at all since", estimate.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Records_OnlyAwsServiceCalls_AreNotSuspicious()
    {
        var records = Trail.DailyFromOffice(8);
        records.Add(Trail.Call(Trail.Start.AddDays(8), ip: "AWS Internal", agent: "AWS Internal"));
        records.Add(Trail.Call(Trail.Start.AddDays(8).AddHours(1), ip: "ec2.amazonaws.com", agent: "ec2.amazonaws.com"));

        var estimate = CompromiseTimeEstimator.Estimate(NoFinding, records);

        Assert.Equal(CompromiseTimeBasis.Fallback, estimate.Basis);
        Assert.Equal(Trail.Start, estimate.Start);
        Assert.Empty(estimate.SuspiciousUses);
    }

    [Fact]
    public void Finding_FirstSeenSet_WinsAndPointsAtAnEarlierSuspiciousUse()
    {
        var records = Trail.DailyFromOffice(8);
        var early = Trail.Call(Trail.Start.AddDays(8), ip: "203.0.113.9");
        records.Add(early);
        var finding = new ParsedInput { Kind = InputKind.GuarddutyFinding, Description = "GuardDuty finding", FirstSeen = Trail.Start.AddDays(9), FirstSeenField = "GuardDuty service.eventFirstSeen" };

        var estimate = CompromiseTimeEstimator.Estimate(new CompromiseTimeRequest { Input = finding }, records);

        Assert.Equal(CompromiseTimeBasis.Finding, estimate.Basis);
        Assert.Equal(Trail.Start.AddDays(9), estimate.Start);
        Assert.StartsWith("GuardDuty service.eventFirstSeen", estimate.Explanation, StringComparison.Ordinal);
        Assert.Contains($"an earlier use from a new source was seen at {early.EventTime:u}", estimate.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Responder_TimeSet_WinsOverTheFinding()
    {
        var finding = new ParsedInput { Kind = InputKind.GuarddutyFinding, Description = "GuardDuty finding", FirstSeen = Trail.Start };
        var chosen = Trail.Start.AddHours(-5);

        var estimate = CompromiseTimeEstimator.Estimate(new CompromiseTimeRequest { Input = finding, ResponderTime = chosen }, Trail.DailyFromOffice(3));

        Assert.Equal(CompromiseTimeBasis.Responder, estimate.Basis);
        Assert.Equal(chosen, estimate.Start);
    }

    [Fact]
    public void NoRecords_CreationKnown_FallsBackToCreation()
    {
        var created = Trail.Start.AddDays(-100);

        var estimate = CompromiseTimeEstimator.Estimate(NoFinding with { CredentialCreatedAt = created }, []);

        Assert.Equal((created, CompromiseTimeBasis.Fallback), (estimate.Start, estimate.Basis));
    }

    [Fact]
    public void NoRecords_NothingKnown_AsksTheResponderToSetIt()
    {
        var estimate = CompromiseTimeEstimator.Estimate(NoFinding, []);

        Assert.Null(estimate.Start);
        Assert.Contains("set the compromise time", estimate.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EstimateAsync_StreamOfRecords_MatchesTheListResult()
    {
        var records = Trail.DailyFromOffice(9);
        records.Add(Trail.Call(Trail.Start.AddDays(9), ip: "203.0.113.9"));

        var estimate = await CompromiseTimeEstimator.EstimateAsync(NoFinding, records.ToAsyncEnumerable(), CancellationToken.None);

        Assert.Equal(Trail.Start.AddDays(9), estimate.Start);
    }
}

using CredIr.Contracts.V1;
using CredIr.Identification.CompromiseTime;
using CredIr.Identification.Tests.Support;

namespace CredIr.Identification.Tests.CompromiseTime;

/// <summary>
/// The invictus-stratus dataset: 55 minutes of real CloudTrail in which IAM user bert-jan's key AKIATFQR7NSC8Q4X20BJ
/// runs Stratus Red Team, always from 192.168.10.20, under many user agents. Checked by hand with:
/// jq -r '.Records[] | select(.userIdentity.accessKeyId=="AKIATFQR7NSC8Q4X20BJ") | [.eventTime,.eventID,.userAgent] | @tsv' *.json | sort | head -3
/// which gives 11:54:33Z f8e608fd... (UA stratus-red-team_ad7e...), then two calls at 11:54:38Z, 41194825... and
/// c51ec284..., both under the Terraform provider's user agent.
/// </summary>
public sealed class StratusDatasetTests
{
    private const string Key = "AKIATFQR7NSC8Q4X20BJ";

    private static readonly Lazy<IReadOnlyList<TrailRecord>> KeyRecords =
        new(() => Datasets.Records(Datasets.InvictusStratus, r => r.AccessKeyId == Key));

    [Fact]
    public void StratusKey_RecordsOnly_ProposesTheFirstCallUnderANewUserAgent()
    {
        var estimate = CompromiseTimeEstimator.Estimate(new CompromiseTimeRequest(), KeyRecords.Value);

        Assert.Equal(2104, estimate.RecordsExamined);
        Assert.Equal(CompromiseTimeBasis.FirstSuspiciousUse, estimate.Basis);
        Assert.Equal(new DateTimeOffset(2023, 7, 10, 11, 54, 38, TimeSpan.Zero), estimate.Start);
        var use = estimate.FirstSuspiciousUse!;
        Assert.Equal("41194825-7a68-4662-a133-b269f9ff5c5c", use.Record.EventId);
        Assert.Null(use.NewSourceIp);
        Assert.StartsWith("APN/1.0 HashiCorp/1.0 Terraform/1.1.2", use.NewUserAgent, StringComparison.Ordinal);
        Assert.Equal(1, use.BaselineSize);
        Assert.False(use.BaselineComplete);
        Assert.Contains("baseline is partial", estimate.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void StratusKey_LookupReachingAWeekBack_ProposesTheVeryFirstCall()
    {
        var request = new CompromiseTimeRequest { RecordsFrom = new DateTimeOffset(2023, 7, 3, 0, 0, 0, TimeSpan.Zero) };

        var estimate = CompromiseTimeEstimator.Estimate(request, KeyRecords.Value);

        Assert.Equal(new DateTimeOffset(2023, 7, 10, 11, 54, 33, TimeSpan.Zero), estimate.Start);
        Assert.Equal("f8e608fd-8465-48e2-b65d-0ad849244ead", estimate.FirstSuspiciousUse?.Record.EventId);
        Assert.Equal("192.168.10.20", estimate.FirstSuspiciousUse?.NewSourceIp);
        Assert.Equal(0, estimate.FirstSuspiciousUse?.BaselineSize);
    }

    [Fact]
    public void StratusRecords_AssumeRoleResponse_KeepNoSessionToken()
    {
        var withCredentials = Datasets.Records(Datasets.InvictusStratus, r => r.EventName == "AssumeRole" && r.RawJson.Contains("\"credentials\"", StringComparison.Ordinal));

        Assert.NotEmpty(withCredentials);
        Assert.All(withCredentials, r => Assert.DoesNotContain("\"sessionToken\":\"", r.RawJson.Replace(" ", "", StringComparison.Ordinal).Replace("\"sessionToken\":\"[REDACTED]\"", "", StringComparison.Ordinal), StringComparison.Ordinal));
    }
}

using CredIr.Contracts.V1;
using CredIr.Identification.Cmdb;

namespace CredIr.Identification.Tests.Cmdb;

public sealed class StakeholderFinderTests
{
    private static readonly CmdbDocument Sample = CmdbLoader.Load(Path.Combine(AppContext.BaseDirectory, "Samples", "sample-cmdb.json"));

    [Fact]
    public void Account_OfPaymentsApp_ListsOwnersLegalCommsAndBothRegulatorsWithReasons()
    {
        var result = StakeholderFinder.Find(Sample, ["111111111111"], [], []);

        Assert.Equal(["payments"], result.Applications);
        var owner = Assert.Single(result.Stakeholders, s => s.Kind == StakeholderKind.ApplicationOwner);
        Assert.Equal("payments-owner@example.com", owner.Contact);
        Assert.Equal("owner of payments (runs in account 111111111111)", owner.Reason);
        Assert.Contains(result.Stakeholders, s => s.Kind == StakeholderKind.Technical && s.Contact == "payments-oncall@example.com");
        Assert.Contains(result.Stakeholders, s => s.Kind == StakeholderKind.Legal && s.Contact == "legal@example.com");
        Assert.Contains(result.Stakeholders, s => s.Kind == StakeholderKind.Communications && s.Contact == "press@example.com");
        Assert.Contains(result.Stakeholders, s => s.Kind == StakeholderKind.Security && s.Contact == "secops@example.com");
        var regulators = result.Stakeholders.Where(s => s.Kind == StakeholderKind.Regulator).ToList();
        Assert.Equal(["dpo@example.com", "pci@example.com"], regulators.Select(r => r.Contact));
        Assert.Contains("applies to payments (EU)", regulators[0].Reason, StringComparison.Ordinal);
        Assert.Contains("applies to payments (payment-card)", regulators[1].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Account_OfPublicWebsite_HasNoRegulatorAndTheChecklistSaysToConfirmWithLegal()
    {
        var result = StakeholderFinder.Find(Sample, ["333333333333"], [], []);

        Assert.DoesNotContain(result.Stakeholders, s => s.Kind == StakeholderKind.Regulator);
        var item = Assert.Single(result.Communications, c => c.ItemId == "comms/regulators");
        Assert.StartsWith("No regulator in the CMDB applies", item.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Resources_ByTagAndByArn_FindTheirApplications()
    {
        var tagged = new ResourceRef { Type = "AWS::EC2::Instance", Id = "i-0123", Tags = { ["Application"] = "payments-api" } };
        var byArn = new ResourceRef { Arn = "arn:aws:s3:::reporting-exports-2026", Type = "AWS::S3::Bucket" };

        var result = StakeholderFinder.Find(Sample, [], [tagged, byArn], []);

        Assert.Equal(["payments", "reporting"], result.Applications);
        Assert.Contains(result.Stakeholders, s => s.Reason.Contains("is tagged Application=payments-api", StringComparison.Ordinal));
        Assert.Contains(result.Stakeholders, s => s.Reason.Contains("matches arn:aws:s3:::reporting-exports*", StringComparison.Ordinal));
        Assert.Empty(result.Unmatched);
    }

    [Fact]
    public void Resource_ClaimedByNoApplication_IsReportedAsUnmatched()
    {
        var stray = new ResourceRef { Arn = "arn:aws:s3:::someone-elses-bucket", Tags = { ["team"] = "x" } };

        var result = StakeholderFinder.Find(Sample, [], [stray], ["billing"]);

        Assert.Empty(result.Applications);
        Assert.Contains("resource arn:aws:s3:::someone-elses-bucket belongs to no application in the CMDB (no matching tag or ARN)", result.Unmatched);
        Assert.Contains("application 'billing' is not in the CMDB", result.Unmatched);
        Assert.Contains(result.Communications, c => c.ItemId == "comms/notify" && c.Description.StartsWith("No application in the CMDB matched", StringComparison.Ordinal));
    }

    [Fact]
    public void SameApplication_FromSeveralPaths_ListsEachPersonOnceWithEveryReason()
    {
        var result = StakeholderFinder.Find(Sample, ["111111111111"], [new ResourceRef { Arn = "arn:aws:s3:::payments-receipts" }], ["Payments"]);

        var owner = Assert.Single(result.Stakeholders, s => s.Kind == StakeholderKind.ApplicationOwner);
        Assert.Equal("owner of payments (application named in the request; runs in account 111111111111; resource arn:aws:s3:::payments-receipts matches arn:aws:s3:::payments-*)", owner.Reason);
    }

    [Fact]
    public void Checklist_ForAnIncident_HoldsEveryItemOfSteps8And9NotDone()
    {
        var result = StakeholderFinder.Find(Sample, ["111111111111", "222222222222"], [], []);

        Assert.Equal(
            ["comms/war-room", "comms/notify/payments", "comms/notify/reporting", "comms/legal", "comms/external", "comms/regulators", "comms/public-reporting"],
            result.Communications.Select(c => c.ItemId));
        Assert.All(result.Communications, c => Assert.False(c.Done));
        Assert.Equal(CommunicationKind.WarRoom, result.Communications[0].Kind);
        Assert.Contains("National CERT", result.Communications[^1].Description, StringComparison.Ordinal);
        Assert.Contains("Data Protection Officer", result.Communications.Single(c => c.ItemId == "comms/regulators").Description, StringComparison.Ordinal);
    }
}

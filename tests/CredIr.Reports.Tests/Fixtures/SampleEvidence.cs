using System.Security.Cryptography;
using System.Text;
using CredIr.Contracts.V1;
using static CredIr.Reports.Tests.Fixtures.Times;

namespace CredIr.Reports.Tests.Fixtures;

/// <summary>A hash-chained evidence log like the coordinator's, and the ReportInput for the sample.</summary>
internal static class SampleEvidence
{
    public static List<EvidenceEntry> Entries()
    {
        var entries = new List<EvidenceEntry>();
        var previous = new string('0', 64);
        (string At, string Kind, string Summary)[] items =
        [
            ("2026-11-20T10:30:00Z", "incident-opened", "Opened from GuardDuty finding gd-7f3a"),
            ("2026-11-20T10:33:00Z", "sts:GetAccessKeyInfo", "AKIAEXAMPLELEAK00001 belongs to account 111122223333"),
            ("2026-11-20T10:50:00Z", "approval", "Containment plan auto-approved (auto-contain-high-severity)"),
            ("2026-11-20T10:51:00Z", "journal", "iam:UpdateAccessKey(Inactive) succeeded"),
            ("2026-11-20T12:40:00Z", "approval", "Eradication plan approved by alice.nguyen@example.com"),
            ("2026-11-20T12:50:00Z", "journal", "ec2:TerminateInstances failed"),
        ];
        for (var i = 0; i < items.Length; i++)
        {
            var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(previous + items[i].Kind + items[i].Summary)));
            entries.Add(new EvidenceEntry { Sequence = i + 1, At = Ts(items[i].At), Kind = items[i].Kind, Summary = items[i].Summary, PayloadJson = "{}", Hash = hash, PreviousHash = previous });
            previous = hash;
        }

        return entries;
    }

    public static ReportInput Input()
    {
        var evidence = Entries();
        return new ReportInput(
            SampleIncident.Create(),
            SampleEvents.All(),
            evidence,
            new VerifyEvidenceResponse { Intact = true, Entries = evidence.Count, HeadHash = evidence[^1].Hash, Message = "chain intact" })
        {
            LessonsLearned = "Secret scanning on the CI repository would have caught the key before the push.",
        };
    }

    public static DateTimeOffset GeneratedAt => At("2026-11-21T12:00:00Z");
}

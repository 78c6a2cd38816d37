using CredIr.Contracts.V1;
using CredIr.Reports.Model;

namespace CredIr.Reports.Building;

/// <summary>The evidence log by hash, and the chain's verdict.</summary>
internal static class EvidenceSection
{
    public static ReportEvidence Build(IReadOnlyList<EvidenceEntry> entries, VerifyEvidenceResponse? verification)
    {
        var verdict = verification is null ? "not-verified" : verification.Intact ? "intact" : "broken";
        return new ReportEvidence(
            verdict,
            verification is null
                ? null
                : new ReportEvidenceVerification(
                    verification.Intact,
                    verification.Entries,
                    verification.Intact ? null : verification.FirstBadSequence,
                    verification.Message,
                    verification.HeadHash),
            entries
                .OrderBy(e => e.Sequence)
                .Select(e => new ReportEvidenceEntry(e.Sequence, ProtoValues.Time(e.At), e.Kind, e.Summary, e.Hash, e.PreviousHash))
                .ToList());
    }
}

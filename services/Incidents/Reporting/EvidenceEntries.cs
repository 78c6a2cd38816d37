using CredIr.Contracts.V1;
using CredIr.Incidents.Evidence;
using CredIr.Incidents.Storage;
using Google.Protobuf.WellKnownTypes;

namespace CredIr.Incidents.Reporting;

/// <summary>The evidence log's rows and its verification in the contract's shapes (what ExportEvidence and VerifyEvidence answer).</summary>
internal static class EvidenceEntries
{
    public static EvidenceEntry From(EvidenceRecord record) => new()
    {
        Sequence = record.Sequence,
        At = Timestamp.FromDateTimeOffset(record.At),
        Kind = record.Kind,
        Summary = record.Summary,
        PayloadJson = record.PayloadJson,
        Hash = record.Hash,
        PreviousHash = record.PreviousHash,
    };

    public static VerifyEvidenceResponse From(EvidenceVerification result) => new()
    {
        Intact = result.Intact,
        Entries = result.Entries,
        FirstBadSequence = result.FirstBadSequence,
        Message = result.Message,
        HeadHash = result.HeadHash,
    };
}

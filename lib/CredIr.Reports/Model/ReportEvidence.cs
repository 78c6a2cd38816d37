using System.Text.Json.Serialization;

namespace CredIr.Reports.Model;

/// <summary>The hash-chained evidence log: its entries and whether the chain verified.</summary>
public sealed record ReportEvidence(
    [property: JsonPropertyName("verdict")] string Verdict,
    [property: JsonPropertyName("verification")] ReportEvidenceVerification? Verification,
    [property: JsonPropertyName("entries")] IReadOnlyList<ReportEvidenceEntry> Entries);

using CredIr.Contracts.V1;

namespace CredIr.Reports;

/// <summary>
/// Everything a post-incident report is made from: the incident as the coordinator holds it, the
/// actor's classified calls, the evidence log and the result of verifying its hash chain.
/// </summary>
/// <param name="Incident">The incident (phase, credentials, plans, approvals, journal, people, milestones).</param>
/// <param name="ActorEvents">Every call attributed to a credential in scope, classified.</param>
/// <param name="Evidence">The evidence log in sequence order (its payloads are not copied into the report).</param>
/// <param name="EvidenceVerification">The chain verification, or null when it was not run.</param>
public sealed record ReportInput(
    Incident Incident,
    IReadOnlyList<TrailEvent> ActorEvents,
    IReadOnlyList<EvidenceEntry> Evidence,
    VerifyEvidenceResponse? EvidenceVerification)
{
    /// <summary>The lessons given when the incident was closed (CloseIncidentRequest.lessons_learned), if any.</summary>
    public string LessonsLearned { get; init; } = "";

    /// <summary>Builds an input from streamed events and evidence (the store's and ExportEvidence's shape).</summary>
    public static async Task<ReportInput> CreateAsync(
        Incident incident,
        IAsyncEnumerable<TrailEvent> actorEvents,
        IAsyncEnumerable<EvidenceEntry> evidence,
        VerifyEvidenceResponse? evidenceVerification,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(incident);
        var events = new List<TrailEvent>();
        await foreach (var e in actorEvents.WithCancellation(cancellationToken))
        {
            events.Add(e);
        }

        var entries = new List<EvidenceEntry>();
        await foreach (var e in evidence.WithCancellation(cancellationToken))
        {
            entries.Add(e);
        }

        return new ReportInput(incident, events, entries, evidenceVerification);
    }
}

using CredIr.Contracts.V1;
using CredIr.Incidents.Evidence;
using CredIr.Incidents.Storage;
using CredIr.Reports;

namespace CredIr.Incidents.Reporting;

/// <summary>
/// Gathers what a report is made from: the incident document (credentials and their provenance,
/// plans, approvals, recovery items, people, timeline), the findings and journal rows from the
/// store, and the evidence log with its verification. The document is copied, never changed.
/// </summary>
internal sealed class ReportInputReader(IIncidentStore store, EvidenceLog evidence)
{
    public async Task<ReportInput> ReadAsync(Incident incident, CancellationToken cancellationToken)
    {
        var view = incident.Clone();
        var journal = await store.ReadJournalAsync(view.IncidentId, cancellationToken);
        var sequence = view.Journal.Count == 0 ? 0 : view.Journal.Max(j => j.Sequence);
        foreach (var entry in StoredJournal.Missing(view, journal).OrderBy(j => j.At))
        {
            entry.Sequence = ++sequence;
            view.Journal.Add(entry);
        }

        foreach (var entry in view.Journal)
        {
            entry.StepId = StepIds.Bare(entry.PlanId, entry.StepId);
        }

        RecoveryPlanSteps.Apply(view);
        PhaseMilestones.Apply(view);

        var findings = await store.ReadFindingsAsync(view.IncidentId, cancellationToken).ToListAsync(cancellationToken);
        var entries = await evidence.ExportAsync(view.IncidentId, cancellationToken)
            .Select(EvidenceEntries.From)
            .ToListAsync(cancellationToken);
        var verification = await evidence.VerifyAsync(view.IncidentId, cancellationToken);
        return new ReportInput(view, findings, entries, EvidenceEntries.From(verification))
        {
            LessonsLearned = view.LessonsLearned,
        };
    }
}

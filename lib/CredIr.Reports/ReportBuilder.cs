using CredIr.Contracts;
using CredIr.Contracts.V1;
using CredIr.Reports.Building;
using CredIr.Reports.Model;

namespace CredIr.Reports;

/// <summary>Computes the post-incident report from its input. Pure apart from the report's own timestamp.</summary>
public sealed class ReportBuilder(TimeProvider timeProvider)
{
    /// <summary>Builds the report model that every renderer shares.</summary>
    public IncidentReport Build(ReportInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var incident = input.Incident;
        var actorActions = ActorActions.From(input.ActorEvents);
        var timeline = TimelineBuilder.Build(incident, actorActions);
        var (credentials, edges) = CredentialGraphBuilder.Build(incident);
        var summary = SummaryBuilder.Build(incident, actorActions, credentials, timeline.Milestones);
        var durations = DurationCalculator.Build(incident);
        var actions = ActionBuilder.Build(incident);
        var applications = ApplicationBuilder.Build(incident, actorActions);

        return new IncidentReport(
            IncidentReport.CurrentSchemaVersion,
            timeProvider.GetUtcNow().ToUniversalTime(),
            IncidentSections.Incident(incident),
            summary,
            durations,
            timeline,
            IndicatorBuilder.Build(incident, actorActions),
            credentials,
            edges,
            actions,
            IncidentSections.Approvals(incident),
            IncidentSections.Recovery(incident),
            applications,
            IncidentSections.Stakeholders(incident),
            IncidentSections.Communications(incident),
            IncidentSections.Notifications(incident),
            EvidenceSection.Build(input.Evidence, input.EvidenceVerification),
            LessonsBuilder.Build(incident, input.LessonsLearned, summary, durations, actorActions, actions),
            CmdbUpdateBuilder.Build(incident, actorActions, credentials, applications),
            incident.Notes
                .Select(n => new ReportNote(n.Author, ProtoValues.Time(n.At), n.Text))
                .OrderBy(n => n.At ?? DateTimeOffset.MaxValue)
                .Concat(StoredValueNotes(incident))
                .ToList());
    }

    // A time stored out of range (before the hosts refused such times) is left out of every section; a note says
    // which, so the reader knows the value exists and is invalid rather than missing.
    private static IEnumerable<ReportNote> StoredValueNotes(Incident incident) =>
        ValidTimes.InvalidPaths(incident).Select(static path =>
            new ReportNote("credir", null, $"The stored value of {path} is not a valid time (outside 0001-01-01 to 9999-12-31); it is left out of this report."));
}

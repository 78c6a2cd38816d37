using CredIr.Contracts.V1;
using CredIr.Reports.Model;

namespace CredIr.Reports.Building;

/// <summary>
/// The seed's post-incident review (Part 5) as prompts to fill in, each with what the incident
/// already shows, plus the lessons recorded when closing or in notes.
/// </summary>
internal static class LessonsBuilder
{
    public static ReportLessons Build(
        Incident incident,
        string closingLessons,
        ReportSummary summary,
        ReportDurations durations,
        IReadOnlyList<ReportActorAction> actions,
        IReadOnlyList<ReportAction> steps)
    {
        var prompts = new List<ReportLessonPrompt>
        {
            Prompt("attack-vectors", "What were the attack vector(s): how and where did the actor obtain the credentials, and since when were they exposed?", AttackVector(summary, actions)),
            Prompt("misconfigurations", "Which misconfigurations or excessive permissions did the actor use (over-broad policies, PassRole, unused or long-lived keys, missing MFA)?", Misconfigurations(actions, summary)),
            Prompt("mitigations", "Which mitigations would have prevented or limited it (permission boundaries, SCPs, short-lived credentials, secret scanning, alerting), and who owns each?", Mitigations(summary)),
            Prompt("what-worked", "What worked in the detection and the response?", Worked(durations, steps)),
            Prompt("what-did-not-work", "What did not work or was slow, and what must change in the process or the tooling?", DidNotWork(incident, steps)),
            Prompt("forensics", "What did the forensic analysis of isolated resources find, and does it change the root cause?", Forensics(incident)),
            Prompt("stakeholder-review", "When was the incident handling reviewed with the stakeholders identified in Part 1, step 8, and what was agreed?", [$"{incident.Stakeholders.Count} stakeholder(s) on the incident."]),
        };

        var recorded = new List<ReportNote>();
        if (closingLessons.Trim().Length > 0)
        {
            recorded.Add(new ReportNote("closing responder", ProtoValues.Time(incident.ClosedAt), closingLessons.Trim()));
        }

        recorded.AddRange(incident.Notes
            .Where(n => n.Text.TrimStart().StartsWith("lesson", StringComparison.OrdinalIgnoreCase))
            .Select(n => new ReportNote(n.Author, ProtoValues.Time(n.At), n.Text)));
        return new ReportLessons(prompts, recorded);
    }

    private static ReportLessonPrompt Prompt(string id, string question, IEnumerable<string> observations) =>
        new(id, question, observations.ToList(), "");

    private static IEnumerable<string> AttackVector(ReportSummary summary, IReadOnlyList<ReportActorAction> actions)
    {
        yield return $"Detected through: {summary.Detection.Description}.";
        if (summary.CompromiseExplanation.Length > 0)
        {
            yield return $"Compromise time basis ({summary.CompromiseBasis}): {summary.CompromiseExplanation}";
        }

        if (actions.Count > 0)
        {
            var first = actions[0];
            yield return $"First call by the actor: {first.EventName} from {first.SourceIpAddress} with user agent {first.UserAgent}.";
        }
    }

    private static IEnumerable<string> Misconfigurations(IReadOnlyList<ReportActorAction> actions, ReportSummary summary)
    {
        var persistence = actions
            .Where(a => a.ErrorCode.Length == 0 && a.Categories.Contains("identity-persistence"))
            .Select(a => a.EventName)
            .Distinct(StringComparer.Ordinal)
            .ToList();
        if (persistence.Count > 0)
        {
            yield return $"The credentials were allowed these identity calls: {string.Join(", ", persistence)}.";
        }

        if (summary.DerivedCredentialCount > 0)
        {
            yield return $"The actor derived {summary.DerivedCredentialCount} further credential(s) from the leaked one.";
        }

        var refused = actions.Where(a => a.ErrorCode.Length > 0).Select(a => a.EventName).Distinct(StringComparer.Ordinal).ToList();
        if (refused.Count > 0)
        {
            yield return $"Refused calls (permissions that held): {string.Join(", ", refused)}.";
        }
    }

    private static IEnumerable<string> Mitigations(ReportSummary summary)
    {
        foreach (var gap in summary.Gaps)
        {
            yield return $"Trail gap in {gap.Where}: {gap.Reason}.";
        }

        if (summary.Regions.Count > 0)
        {
            yield return $"Regions the actor used: {string.Join(", ", summary.Regions)} (an SCP can deny regions not in use).";
        }
    }

    private static IEnumerable<string> Worked(ReportDurations durations, IReadOnlyList<ReportAction> steps)
    {
        if (durations.TimeToContain?.FromDetectionSeconds is { } seconds)
        {
            yield return $"Contained {DurationText.Format(seconds)} after detection.";
        }

        var succeeded = steps.Count(s => s.Status is "succeeded" or "already-done");
        yield return $"{succeeded} of {steps.Count} response step(s) succeeded.";
        if (steps.Any(s => s.ApprovalDecision == "auto-approved"))
        {
            yield return "Some plans were approved automatically by policy.";
        }
    }

    private static IEnumerable<string> DidNotWork(Incident incident, IReadOnlyList<ReportAction> steps)
    {
        foreach (var s in steps.Where(s => s.Status == "failed"))
        {
            yield return $"Step {s.StepId} ({s.Action}) failed: {s.Result}";
        }

        foreach (var a in incident.Approvals.Where(a => a.Decision == ApprovalDecision.Rejected))
        {
            yield return $"Plan {a.PlanId} was rejected by {a.DecidedBy}: {a.Reason}";
        }

        foreach (var n in incident.Notifications.Where(n => n.Status == NotificationStatus.GaveUp))
        {
            yield return $"Notification to {n.Target} was not delivered: {n.LastError}";
        }

        foreach (var c in incident.Communications.Where(c => !c.Done))
        {
            yield return $"Communication not done: {c.Description}";
        }

        if (incident.LastError.Length > 0)
        {
            yield return $"Last error: {incident.LastError}";
        }
    }

    private static IEnumerable<string> Forensics(Incident incident) =>
        incident.RecoveryItems
            .Where(i => i.Strategy == RecoveryStrategy.Isolate && i.Resource is not null)
            .Select(i => $"Isolated for forensics: {ProtoValues.ResourceLabel(i.Resource)}");
}

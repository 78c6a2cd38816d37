using CredIr.Contracts.V1;
using CredIr.Reports.Model;

namespace CredIr.Reports.Building;

/// <summary>What leaked, since when, how it was found, and the verdict.</summary>
internal static class SummaryBuilder
{
    public static ReportSummary Build(
        Incident incident,
        IReadOnlyList<ReportActorAction> actions,
        IReadOnlyList<ReportCredential> credentials,
        IReadOnlyList<ReportMilestone> milestones)
    {
        var findings = incident.Findings ?? new FindingsSummary();
        var failed = actions.Count(a => a.ErrorCode.Length > 0);
        var derived = credentials.Count(c => c.Depth > 0);
        var accounts = Distinct(actions.Select(a => a.AccountId));
        var regions = Distinct(actions.Select(a => a.Region));
        var (verdict, headline) = actions.Count > 0
            ? ("confirmed-misuse",
                $"Confirmed misuse: the actor made {actions.Count} calls ({failed} refused) in {accounts.Count} account(s) and {regions.Count} region(s), and derived {derived} credential(s).")
            : findings.ScanComplete
                ? ("no-actor-activity-found", "No call by the actor was found in a complete scan: a possible false positive, unless the trail has gaps.")
                : ("undetermined", "No call by the actor has been found yet, and the scan is not complete.");
        var reached = milestones
            .Where(m => m.Name is "contained" or "eradicated" or "recovered" or "closed")
            .Select(m => $"{m.Name} {Format(m.At)}")
            .ToList();
        var status = reached.Count == 0
            ? $" Response: {ProtoValues.Name(incident.Phase)}, not contained yet."
            : $" Response: {string.Join(", ", reached)}.";

        var window = incident.CompromiseWindow;
        return new ReportSummary(
            incident.Credentials.Where(c => (c.Provenance?.Depth ?? 0) == 0).Select(Describe).ToList(),
            ProtoValues.Time(window?.Start),
            window is null ? "" : ProtoValues.Name(window.Basis),
            window?.Explanation ?? "",
            ProtoValues.Time(incident.OpenedAt),
            DetectionDescriber.Describe(incident),
            incident.EndUserImpact,
            ProtoValues.Name(incident.Phase),
            verdict,
            headline + status,
            actions.Count,
            failed,
            derived,
            accounts,
            regions,
            findings.ResourcesCreated,
            findings.ResourcesModified,
            findings.ResourcesDeleted,
            findings.ScanComplete,
            // One line per distinct gap, whichever phase met it: identification, the containment watch, each scan round.
            incident.IdentificationGaps.Concat(incident.Verification?.Gaps ?? []).Concat(findings.Gaps)
                .DistinctBy(static g => (g.AccountId, g.Region, g.Reason, g.ErrorCode))
                .Select(g => new ReportGap(
                g.AccountId,
                g.Region,
                g.Reason,
                g.CategoriesNotSeen.Select(ProtoValues.Name).ToList(),
                g.ErrorCode)).ToList())
        {
            ContainmentLevel = ContainmentLevel.Describe(incident.ContainmentOptions),
            EscalationReason = incident.EscalationReason,
        };
    }

    public static string Format(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", System.Globalization.CultureInfo.InvariantCulture);

    private static List<string> Distinct(IEnumerable<string> values) =>
        values.Where(v => v.Length > 0).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();

    private static string Describe(Credential c)
    {
        var kind = ProtoValues.Name(c.Kind).Replace('-', ' ');
        var id = c.AccessKeyId.Length > 0 ? c.AccessKeyId : c.PrincipalArn;
        var owner = c.AccessKeyId.Length > 0 && c.PrincipalArn.Length > 0 ? $" of {c.PrincipalArn}" : "";
        var account = c.AccountId.Length > 0 ? $" in account {c.AccountId}" : "";
        return $"{kind} {id}{owner}{account}";
    }
}

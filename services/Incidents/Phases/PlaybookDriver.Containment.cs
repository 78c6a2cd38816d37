using Grpc.Core;
using CredIr.Contracts.Calls;
using CredIr.Contracts.V1;
using CredIr.Reports.Building;
using CredIr.Incidents.Domain;
using CredIr.Incidents.Grains;
using CredIr.Hosting.Approvals;
using Google.Protobuf.WellKnownTypes;

namespace CredIr.Incidents.Phases;

internal sealed partial class PlaybookDriver
{
    /// <summary>
    /// Part 2: a plan for the credentials no plan covers yet (all at first, then each derived one
    /// the scan finds), its approval, then each step through the journal; contained when none is left.
    /// A failed step stops the advance, and the key may still work, so the incident does not claim
    /// contained. The next advance retries in a new plan (approved like any other): after a responder
    /// fixed the cause (a permission, a throttled account); a key stopped by hand meanwhile comes back
    /// ALREADY_DONE.
    /// </summary>
    private async Task<bool> ContainAsync(IIncidentSession session, string actor, CancellationToken cancellationToken)
    {
        if (phases.Containment is not { } containment)
        {
            return await MissingAsync(session, "containment", cancellationToken);
        }

        var plan = PlanRules.Open(session.Current, PlanKind.Containment);
        var uncovered = PlanRules.Uncovered(session.Current);
        if (plan is null && uncovered.Count > 0)
        {
            return await ProposeContainmentAsync(session, containment, uncovered, actor, cancellationToken);
        }

        if (plan is null)
        {
            var usable = StillUsable(session.Current);
            if (usable.Where(static u => u.Failed).ToList() is { Count: > 0 } failed)
            {
                return await ProposeContainmentAsync(session, containment, [.. failed.Select(static u => u.Credential)], actor, cancellationToken);
            }

            var check = await VerifyAsync(session, containment, actor, cancellationToken);
            if (!check.Held)
            {
                if (Escalation(session.Current, check) is { Count: > 0 } escalate)
                {
                    return await EscalateAsync(session, containment, escalate, check, actor, cancellationToken);
                }

                await StopAsync(session,
                    $"a responder: containment did not hold, {string.Join(", ", check.UsedKeys)} made calls that succeeded after containment; stop them by hand, then advance to verify again",
                    $"containment verification: {check.Result?.Summary}", cancellationToken);
                return false;
            }

            if (usable.Count > 0)
            {
                // A known actor credential still works (a guard rail refused it, or nothing can revoke it): the
                // incident is not contained, whatever else is. Only a responder can end that, by hand or by force.
                return await StopUncontainedAsync(session, usable, cancellationToken);
            }

            return await MoveToContainedAsync(session, check, cancellationToken);
        }

        if (await GateAsync(session, plan, cancellationToken) is not { } approval)
        {
            return false;
        }

        return await ExecuteAsync(session, plan, approval, ApprovalMethods.ExecuteContainment, request => containment.ExecuteContainment(request, Context(actor, cancellationToken, stream: true)).Responses(), cancellationToken);
    }

    /// <summary>A containment plan for these credentials, proposed for approval; the next round gates and runs it.</summary>
    private async Task<bool> ProposeContainmentAsync(IIncidentSession session, Contracts.V1.Containment.ContainmentClient containment, List<Credential> credentials, string actor, CancellationToken cancellationToken)
    {
        var proposed = await containment.PlanContainmentAsync(new PlanContainmentRequest
        {
            IncidentId = session.IncidentId,
            Credentials = { credentials },
            Options = session.Current.ContainmentOptions?.Clone() ?? new ContainmentOptions(),
            RevokeBefore = Timestamp.FromDateTimeOffset(session.Now),
        }, Context(actor, cancellationToken));
        proposed.CredentialIds.Clear();
        proposed.CredentialIds.Add(credentials.Select(PlanRules.CredentialId));
        await ProposeAsync(session, proposed, actor, cancellationToken);

        // With no step (already inactive, or nothing revocable) the plan is done as made.
        return true;
    }

    /// <summary>Contained, and in the same change the playbook's watch after containment starts (a durable reminder follows it).</summary>
    private async Task<bool> MoveToContainedAsync(IIncidentSession session, ContainmentCheck check, CancellationToken cancellationToken)
    {
        var total = session.Current.Credentials.Count;
        var verified = check.Result is null ? "not verified" : $"verification {VerdictName(check.Result.Verdict)}";
        var why = $"{total} credential(s) contained ({verified}; level: {ContainmentLevel.Describe(session.Current.ContainmentOptions)})";
        await session.CommitAsync(null, "phase", $"phase {PhaseNames.Of(Phase.Contained)}: {why}", incident =>
        {
            IncidentWorkflow.MoveTo(incident, Phase.Contained, why, session.Now);
            incident.LastError = string.Empty;
            incident.WaitingFor = string.Empty;
            StartWatch(incident, session.Now);
            return true;
        }, cancellationToken);
        return true;
    }

    /// <summary>Stays containing, naming each credential still usable and why; the evidence keeps the warning.</summary>
    private static async Task<bool> StopUncontainedAsync(IIncidentSession session, List<Unstopped> usable, CancellationToken cancellationToken)
    {
        var warning = $"NOT contained, still usable: {string.Join("; ", usable.Select(static u => $"{u.Name} ({u.Why})"))}";
        if (session.Current.LastError != warning)
        {
            await session.AppendEvidenceAsync("containment:not-contained", warning, "{}", cancellationToken);
        }

        await StopAsync(session,
            $"a responder: {string.Join(", ", usable.Select(static u => u.Name))} still usable; contain by hand and advance again, or close the incident with force and a reason",
            warning, cancellationToken);
        return false;
    }

    /// <summary>
    /// The contained credentials whose principal was still used after containment (a refused credential is no
    /// escalation case: the same guard rail would refuse again). Empty when the stronger level is already in place.
    /// </summary>
    private static List<Credential> Escalation(Incident incident, ContainmentCheck check)
    {
        if (incident.ContainmentOptions is { DenyAll: true, LockTrustPolicy: true })
        {
            return [];
        }

        return [.. incident.Credentials.Where(c => c.AccessKeyId.Length > 0 && check.UsedKeys.Contains(c.AccessKeyId) && !CredentialStatuses.IsStillUsable(c))];
    }

    /// <summary>
    /// The playbook's Part 2 step 2: the principal is still used after its keys and older sessions were cut off,
    /// so the next plan adds deny-all on it and locks its trust policy; each step says who else stops with it.
    /// </summary>
    private async Task<bool> EscalateAsync(IIncidentSession session, Contracts.V1.Containment.ContainmentClient containment, List<Credential> credentials, ContainmentCheck check, string actor, CancellationToken cancellationToken)
    {
        var why = $"{string.Join(", ", credentials.Select(CredentialStatuses.Name))} still used with success after containment ({check.Result?.Summary})";
        await session.AppendEvidenceAsync("containment:escalation", $"containment escalated: {why}", "{}", cancellationToken);
        await session.CommitAsync(null, "escalation", "containment escalated to deny-all and a locked trust policy", draft =>
        {
            draft.ContainmentOptions ??= new ContainmentOptions();
            draft.ContainmentOptions.DenyAll = true;
            draft.ContainmentOptions.LockTrustPolicy = true;
            draft.EscalationReason = why;
            IncidentWorkflow.AddTimeline(draft, session.Now, "system", $"containment escalated ({ContainmentLevel.Describe(draft.ContainmentOptions)}): {why}");
            return true;
        }, cancellationToken);
        return await ProposeContainmentAsync(session, containment, credentials, actor, cancellationToken);
    }

    /// <summary>Keys and sessions no executed step stopped, each with the reason the plan gives.</summary>
    private static List<Unstopped> StillUsable(Incident incident) =>
    [
        .. incident.Credentials.Where(CredentialStatuses.IsStillUsable).Select(c => WhyNotStopped(incident, c)),
    ];

    private static Unstopped WhyNotStopped(Incident incident, Credential credential)
    {
        var name = CredentialStatuses.Name(credential);
        var plans = incident.Plans.Where(p => p.Kind == PlanKind.Containment && p.CredentialIds.Contains(PlanRules.CredentialId(credential))).ToList();
        // The newest plan says where the credential stands: an older failure a retry replaced no longer counts.
        var unfinished = plans.TakeLast(1).SelectMany(p => p.Steps)
            .Where(s => s.Status is StepStatus.Failed or StepStatus.Skipped && (s.AccessKeyId.Length == 0 || s.AccessKeyId == credential.AccessKeyId))
            .ToList();
        if (unfinished.Count > 0)
        {
            var why = string.Join("; ", unfinished.Select(static s =>
                $"{s.Action} {(s.Status == StepStatus.Failed ? "failed" : "refused")}: {(s.RefusedReason.Length > 0 ? s.RefusedReason : s.ResultMessage)}"));
            return new Unstopped(credential, name, why, unfinished.Any(static s => s.Status == StepStatus.Failed));
        }

        var cannot = plans.SelectMany(p => p.CannotRevoke).ToList();
        return new Unstopped(credential, name, cannot.Count > 0
            ? string.Join("; ", cannot)
            : $"no containment step changed its status (still {(credential.Status.Length > 0 ? credential.Status : "unknown")})", Failed: false);
    }

    private sealed record Unstopped(Credential Credential, string Name, string Why, bool Failed);
}

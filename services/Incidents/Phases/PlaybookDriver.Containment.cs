using Grpc.Core;
using CredIr.Contracts.Calls;
using CredIr.Contracts.V1;
using CredIr.Incidents.Domain;
using CredIr.Incidents.Grains;
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
                await StopAsync(session,
                    $"a responder: containment did not hold, {string.Join(", ", check.UsedKeys)} made calls that succeeded after containment; stop them by hand, then advance to verify again",
                    $"containment verification: {check.Result?.Summary}", cancellationToken);
                return false;
            }

            return await MoveToContainedAsync(session, usable, check, cancellationToken);
        }

        if (await GateAsync(session, plan, cancellationToken) is not { } approval)
        {
            return false;
        }

        return await ExecuteAsync(session, plan, approval, request => containment.ExecuteContainment(request, Context(actor, cancellationToken, stream: true)).Responses(), cancellationToken);
    }

    /// <summary>A containment plan for these credentials, proposed for approval; the next round gates and runs it.</summary>
    private async Task<bool> ProposeContainmentAsync(IIncidentSession session, Contracts.V1.Containment.ContainmentClient containment, List<Credential> credentials, string actor, CancellationToken cancellationToken)
    {
        var proposed = await containment.PlanContainmentAsync(new PlanContainmentRequest
        {
            IncidentId = session.IncidentId,
            Credentials = { credentials },
            Options = new ContainmentOptions(),
            RevokeBefore = Timestamp.FromDateTimeOffset(session.Now),
        }, Context(actor, cancellationToken));
        proposed.CredentialIds.Clear();
        proposed.CredentialIds.Add(credentials.Select(PlanRules.CredentialId));
        await ProposeAsync(session, proposed, actor, cancellationToken);

        // With no step (already inactive, or nothing revocable) the plan is done as made.
        return true;
    }

    /// <summary>
    /// Contained, saying which credentials the plan deliberately left alone (a guard rail, or a
    /// principal nothing can revoke): they keep their status and the warning is in the evidence.
    /// </summary>
    private static async Task<bool> MoveToContainedAsync(IIncidentSession session, List<Unstopped> usable, ContainmentCheck check, CancellationToken cancellationToken)
    {
        var total = session.Current.Credentials.Count;
        var verified = check.Result is null ? "not verified" : $"verified {check.Result.Verdict}";
        if (usable.Count == 0)
        {
            return await MoveAsync(session, Phase.Contained, $"{total} credential(s) contained ({verified})", cancellationToken);
        }

        var warning = $"NOT contained, still usable: {string.Join("; ", usable.Select(static u => $"{u.Name} ({u.Why})"))}";
        await session.AppendEvidenceAsync("containment:not-contained", warning, "{}", cancellationToken);
        return await MoveAsync(session, Phase.Contained, $"{total - usable.Count} of {total} credential(s) contained ({verified}); {warning}", cancellationToken);
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

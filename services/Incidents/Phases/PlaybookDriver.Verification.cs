using Grpc.Core;
using CredIr.Contracts.Calls;
using CredIr.Contracts.V1;
using CredIr.Incidents.Domain;
using CredIr.Incidents.Grains;
using CredIr.Incidents.Hosting;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace CredIr.Incidents.Phases;

internal sealed partial class PlaybookDriver
{
    /// <summary>
    /// Asks containment whether the stopped keys are still used: a short watch of CloudTrail from
    /// the last containment change (AWS takes seconds to apply a deny). The verdict and every
    /// allowed use go into the evidence and the timeline; a use that succeeded means containment
    /// did not hold, and the incident says so instead of claiming contained.
    /// </summary>
    private async Task<ContainmentCheck> VerifyAsync(IIncidentSession session, Contracts.V1.Containment.ContainmentClient containment, string actor, CancellationToken cancellationToken)
    {
        var incident = session.Current;
        // Every key, the ones a guard rail kept from being stopped too: if the actor still uses
        // one, the incident must not be called contained.
        var keys = incident.Credentials.Where(static c => c.AccessKeyId.Length > 0).ToList();
        if (keys.Count == 0)
        {
            return new ContainmentCheck(null, []);
        }

        var settings = options.Value;
        // CloudTrail's eventTime has whole seconds: a call in the second of the last change may
        // have come after it (IAM takes seconds to apply a deny), so that second is watched too.
        var changedAt = LastContainmentChange(incident) ?? session.Now;
        var containedAt = new DateTimeOffset(changedAt.UtcTicks - (changedAt.UtcTicks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
        await session.CommitAsync(null, "verifying", $"containment verification of {keys.Count} key(s)", draft =>
        {
            IncidentWorkflow.AddTimeline(draft, session.Now, "system",
                $"containment verification: watching CloudTrail for {keys.Count} key(s) used since {containedAt:O}, for {settings.VerificationWindow.TotalSeconds:0} s");
            return true;
        }, cancellationToken);

        var request = new VerifyContainmentRequest
        {
            IncidentId = session.IncidentId,
            Credentials = { keys },
            ContainedAt = Timestamp.FromDateTimeOffset(containedAt),
            Window = Duration.FromTimeSpan(settings.VerificationWindow),
            PollInterval = Duration.FromTimeSpan(settings.VerificationPollInterval),
            DeliveryDelay = Duration.FromTimeSpan(TimeSpan.Zero),
            Scope = incident.Scope,
        };
        VerificationResult? result = null;
        var allowed = new List<TrailEvent>();
        var gaps = new List<SourceGap>();
        await foreach (var update in containment.VerifyContainment(request, Context(actor, cancellationToken, stream: true)).Responses(cancellationToken))
        {
            switch (update.UpdateCase)
            {
                case VerificationUpdate.UpdateOneofCase.Use when update.Use.ErrorCode.Length == 0:
                    allowed.Add(update.Use);
                    break;
                case VerificationUpdate.UpdateOneofCase.Gap:
                    gaps.Add(update.Gap);
                    break;
                case VerificationUpdate.UpdateOneofCase.Result:
                    result = update.Result;
                    break;
            }
        }

        // The data events the watch above cannot see, where the incident reads the organization trail through Athena.
        var athena = await WatchThroughAthenaAsync(session, keys, containedAt, actor, cancellationToken);
        var athenaAddedUses = false;
        if (athena is not null)
        {
            gaps.AddRange(athena.Gaps);
            var seen = allowed.Select(static u => u.EventId).ToHashSet(StringComparer.Ordinal);
            var more = athena.Allowed.Where(u => seen.Add(u.EventId)).ToList();
            allowed.AddRange(more);
            if (more.Count > 0 && result is not null)
            {
                result = result.Clone();
                result.Verdict = VerificationVerdict.StillActive;
                result.UsesAllowed += more.Count;
                athenaAddedUses = true;
            }
        }

        var checkedUntil = session.Now;
        var usedKeys = allowed.Select(static u => u.AccessKeyId).Distinct(StringComparer.Ordinal).ToList();
        var verification = new ContainmentVerification
        {
            Verdict = result?.Verdict ?? VerificationVerdict.Unspecified,
            WatchedFrom = Timestamp.FromDateTimeOffset(containedAt),
            CheckedUntil = Timestamp.FromDateTimeOffset(checkedUntil),
            DeliveryCoveredAt = Timestamp.FromDateTimeOffset(checkedUntil + settings.DeliveryDelay),
            UsesAllowed = result?.UsesAllowed ?? 0,
            UsesDenied = result?.UsesDenied ?? 0,
            UsedKeys = { usedKeys },
            Gaps = { gaps.DistinctBy(static g => (g.AccountId, g.Region, g.Reason)) },
        };
        verification.Summary = Summarize(verification, result, allowed, settings, athena is not null);
        if (athenaAddedUses && result is not null)
        {
            // The service's summary says "no use" of the calls it could see; the escalation and the evidence quote this verdict.
            result.Summary = verification.Summary;
        }

        await session.AppendEvidenceAsync("containment:verification", verification.Summary,
            result is null ? "{}" : JsonFormatter.Default.Format(result), cancellationToken);
        await session.CommitAsync(null, "verified", verification.Summary, draft =>
        {
            draft.Verification = verification.Clone();
            IncidentWorkflow.AddTimeline(draft, session.Now, "system", verification.Summary);
            return true;
        }, cancellationToken);
        return new ContainmentCheck(result, usedKeys);
    }

    /// <summary>
    /// What the watch saw, and what it could not see yet: CloudTrail delivers events up to its delivery delay late,
    /// so "no use" covers only the calls delivered so far, never plain CLEAN before that delay has passed.
    /// </summary>
    private static string Summarize(ContainmentVerification verification, VerificationResult? result, List<TrailEvent> allowed, IncidentsOptions settings, bool throughAthena)
    {
        if (result is null)
        {
            return "containment verification: the containment service gave no verdict; containment is not verified";
        }

        var window = $"{settings.VerificationWindow.TotalSeconds:0} s";
        var until = $"{verification.DeliveryCoveredAt.ToDateTimeOffset():HH:mm} UTC";
        var delay = $"CloudTrail delivers events up to {settings.DeliveryDelay.TotalMinutes:0} min late, so the watch goes on until {until}";
        var text = $"containment verification ({window} watch): " + result.Verdict switch
        {
            VerificationVerdict.Clean => $"no use in the first {window} after containment; {delay}",
            VerificationVerdict.AttemptsDenied => $"{result.UsesDenied} use(s) in the first {window} after containment, every one denied; {delay}",
            VerificationVerdict.StillActive => $"STILL ACTIVE: {result.UsesAllowed} call(s) succeeded after containment ({result.UsesDenied} denied): containment did not hold",
            VerificationVerdict.Incomplete => $"INCOMPLETE: some account-regions could not be read; no use seen in the rest in the first {window}; {delay}",
            _ => "no verdict",
        };
        if (allowed.Count > 0)
        {
            text += "; allowed: " + string.Join(", ", allowed.Take(10).Select(static u => $"{u.AccessKeyId} {u.EventSource} {u.EventName} at {u.EventTime?.ToDateTimeOffset():O}"));
        }

        if (verification.Gaps.Count > 0)
        {
            text += "; could not read: " + string.Join(", ", verification.Gaps.Select(static g => $"{Where(g)} ({g.Reason})"));
        }

        // The service's own summary counts the delivery delay it was asked to wait (none here): the words above replace it.
        return text + (throughAthena
            ? ". Data events (such as S3 GetObject) were watched through Athena over the organization trail."
            : ". Data events (such as S3 GetObject) are not in LookupEvents and were not watched.");
    }

    private static string Where(SourceGap gap) =>
        gap.AccountId.Length == 0 && gap.Region.Length == 0 ? "every account and region" : $"{gap.AccountId}/{gap.Region}";

    /// <summary>The verdict's name as the timeline and the phase change show it.</summary>
    private static string VerdictName(VerificationVerdict verdict) => verdict switch
    {
        VerificationVerdict.Clean => "no use so far",
        VerificationVerdict.AttemptsDenied => "every use denied",
        VerificationVerdict.StillActive => "STILL ACTIVE",
        VerificationVerdict.Incomplete => "incomplete",
        _ => "no verdict",
    };

    /// <summary>
    /// When the last containment step took effect, from the incident's journal; after a watch that
    /// found containment did not hold, when that watch ended (the responder has acted since, and
    /// the uses it reported must not keep the incident from being contained).
    /// </summary>
    private static DateTimeOffset? LastContainmentChange(Incident incident)
    {
        var containment = incident.Plans.Where(static p => p.Kind == PlanKind.Containment).Select(static p => p.PlanId).ToHashSet(StringComparer.Ordinal);
        var changes = incident.Journal
            .Where(j => containment.Contains(j.PlanId) && j.Status is StepStatus.Succeeded or StepStatus.AlreadyDone && j.At is not null)
            .Select(static j => j.At);
        var failedWatch = incident.Verification is { Verdict: VerificationVerdict.StillActive, CheckedUntil: { } ended } ? [ended] : Array.Empty<Timestamp>();
        var times = changes.Concat(failedWatch).Select(static t => t.ToDateTimeOffset()).ToList();
        return times.Count > 0 ? times.Max() : null;
    }
}

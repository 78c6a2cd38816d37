using Grpc.Core;
using CredIr.Contracts.Calls;
using CredIr.Contracts.V1;
using CredIr.Incidents.Domain;
using CredIr.Incidents.Grains;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace CredIr.Incidents.Phases;

internal sealed partial class PlaybookDriver
{
    private const string VerdictPrefix = "containment verification ";
    private const string StillActiveText = "STILL ACTIVE";

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

        var summary = Summarize(result, allowed, gaps, settings.VerificationWindow);
        await session.AppendEvidenceAsync("containment:verification", summary,
            result is null ? "{}" : JsonFormatter.Default.Format(result), cancellationToken);
        await session.CommitAsync(null, "verified", summary, draft =>
        {
            IncidentWorkflow.AddTimeline(draft, session.Now, "system", summary);
            return true;
        }, cancellationToken);
        return new ContainmentCheck(result, [.. allowed.Select(static u => u.AccessKeyId).Distinct(StringComparer.Ordinal)]);
    }

    private static string Summarize(VerificationResult? result, List<TrailEvent> allowed, List<SourceGap> gaps, TimeSpan window)
    {
        if (result is null)
        {
            return "containment verification: the containment service gave no verdict; containment is not verified";
        }

        var text = $"{VerdictPrefix}({window.TotalSeconds:0} s watch): {Verdict(result.Verdict)}; "
            + $"{result.UsesAllowed} allowed, {result.UsesDenied} denied use(s) after containment";
        if (allowed.Count > 0)
        {
            text += "; allowed: " + string.Join(", ", allowed.Take(10).Select(static u => $"{u.AccessKeyId} {u.EventSource} {u.EventName} at {u.EventTime?.ToDateTimeOffset():O}"));
        }

        if (gaps.Count > 0)
        {
            text += "; could not read: " + string.Join(", ", gaps.Select(static g => $"{g.AccountId}/{g.Region} ({g.Reason})"));
        }

        return result.Summary.Length > 0 ? $"{text}. {result.Summary}" : text;
    }

    private static string Verdict(VerificationVerdict verdict) => verdict switch
    {
        VerificationVerdict.Clean => "CLEAN (no use)",
        VerificationVerdict.AttemptsDenied => "ATTEMPTS DENIED (every use refused)",
        VerificationVerdict.StillActive => $"{StillActiveText} (a use succeeded: containment did not hold)",
        VerificationVerdict.Incomplete => "INCOMPLETE (some account-regions could not be read)",
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
        var failedWatches = incident.Timeline
            .Where(static t => t.What.StartsWith(VerdictPrefix, StringComparison.Ordinal) && t.What.Contains(StillActiveText, StringComparison.Ordinal) && t.At is not null)
            .Select(static t => t.At);
        var times = changes.Concat(failedWatches).Select(static t => t.ToDateTimeOffset()).ToList();
        return times.Count > 0 ? times.Max() : null;
    }
}

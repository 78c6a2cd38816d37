using CredIr.Contracts.V1;
using CredIr.Incidents.Domain;
using CredIr.Incidents.Grains;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using CredIr.Contracts.Calls;
using Grpc.Core;

namespace CredIr.Incidents.Phases;

internal sealed partial class PlaybookDriver
{
    // Who the phase services see calling for a check no responder asked for.
    private const string WatchActor = "credir-coordinator (post-containment watch)";

    /// <summary>
    /// The playbook's watch after containment (Part 2's verification: 30 minutes, plus CloudTrail's delivery delay),
    /// from the time the short watch started; the incident grain's reminder ticks every check interval until it ends.
    /// </summary>
    private void StartWatch(Incident incident, DateTimeOffset now)
    {
        var settings = options.Value;
        var from = incident.Verification?.WatchedFrom?.ToDateTimeOffset() ?? now;
        var until = from + settings.PostContainmentWatch + settings.DeliveryDelay;
        incident.PostContainmentWatch = new PostContainmentWatch
        {
            State = PostContainmentWatchState.Watching,
            WatchedFrom = Timestamp.FromDateTimeOffset(from),
            WatchUntil = Timestamp.FromDateTimeOffset(until),
            CheckedUntil = Timestamp.FromDateTimeOffset(now),
            Summary = $"post-containment watch: CloudTrail is checked every {settings.PostContainmentCheckInterval.TotalMinutes:0} min for uses since {from:O}, until {until:O}",
        };
        IncidentWorkflow.AddTimeline(incident, now, "system", incident.PostContainmentWatch.Summary);
    }

    /// <summary>
    /// One check of the watch: every use of the contained keys since the watch began (one read: a window already
    /// over asks the Containment service for a single poll). A use that succeeded ends the watch, reopens containment
    /// and notifies the stakeholders; past the watch's end, it ends; otherwise the check is recorded.
    /// </summary>
    public async Task CheckAfterContainmentAsync(IIncidentSession session, CancellationToken cancellationToken)
    {
        if (session.Current.PostContainmentWatch is not { State: PostContainmentWatchState.Watching } watch || phases.Containment is not { } containment)
        {
            return;
        }

        // Containment reopened (a derived credential to contain): the keys are not all stopped yet, so a use proves
        // nothing; the watch starts again from the new containment once the incident is contained.
        if (session.Current.Phase == Phase.Containing)
        {
            return;
        }

        var incident = session.Current;
        var now = session.Now;
        var keys = incident.Credentials.Where(static c => c.AccessKeyId.Length > 0).ToList();
        var allowed = new List<TrailEvent>();
        var gaps = new List<SourceGap>();
        if (keys.Count > 0)
        {
            var request = new VerifyContainmentRequest
            {
                IncidentId = session.IncidentId,
                Credentials = { keys },
                ContainedAt = watch.WatchedFrom,
                Window = Duration.FromTimeSpan(TimeSpan.FromSeconds(1)),
                PollInterval = Duration.FromTimeSpan(TimeSpan.FromSeconds(1)),
                DeliveryDelay = Duration.FromTimeSpan(TimeSpan.Zero),
                Scope = incident.Scope,
            };
            try
            {
                await foreach (var update in containment.VerifyContainment(request, Context(WatchActor, cancellationToken, stream: true)).Responses(cancellationToken))
                {
                    if (update.UpdateCase == VerificationUpdate.UpdateOneofCase.Use && update.Use.ErrorCode.Length == 0)
                    {
                        allowed.Add(update.Use);
                    }
                    else if (update.UpdateCase == VerificationUpdate.UpdateOneofCase.Gap)
                    {
                        gaps.Add(update.Gap);
                    }
                }
            }
            catch (RpcException exception)
            {
                // Not a verdict: the watch stays on and the next tick checks again.
                PlaybookDriverLog.PhaseFailed(logger, session.IncidentId, "post-containment watch", exception.Status.ToString());
                return;
            }
        }

        if (keys.Count > 0 && await WatchThroughAthenaAsync(session, keys, watch.WatchedFrom.ToDateTimeOffset(), WatchActor, cancellationToken) is { } athena)
        {
            gaps.AddRange(athena.Gaps);
            allowed.AddRange(athena.Allowed.Where(u => allowed.All(a => a.EventId != u.EventId)));
        }

        if (allowed.Count > 0)
        {
            await RaiseLateUseAsync(session, watch, allowed, now, cancellationToken);
            return;
        }

        var ended = now >= watch.WatchUntil.ToDateTimeOffset();
        var unread = gaps.Count == 0 ? string.Empty
            : "; could not read: " + string.Join(", ", gaps.DistinctBy(static g => (g.AccountId, g.Region)).Select(static g => $"{Where(g)} ({g.Reason})"));
        var summary = ended
            ? $"post-containment watch ended: no call by the contained keys succeeded from {watch.WatchedFrom.ToDateTimeOffset():O} to {now:O}{unread}"
            : $"post-containment watch: no use that succeeded so far (checked until {now:O}, watching until {watch.WatchUntil.ToDateTimeOffset():O}){unread}";
        await session.CommitAsync(null, ended ? "post-containment-watch" : "post-containment-check", summary, draft =>
        {
            if (draft.PostContainmentWatch is not { State: PostContainmentWatchState.Watching } current)
            {
                return false;
            }

            current.CheckedUntil = Timestamp.FromDateTimeOffset(now);
            current.Checks++;
            current.Summary = summary;
            if (ended)
            {
                current.State = PostContainmentWatchState.Ended;
                IncidentWorkflow.AddTimeline(draft, now, "system", summary);
            }

            return true;
        }, cancellationToken);
    }

    /// <summary>Containment did not hold: the incident says so, goes back to containing where it still can, and the stakeholders are told.</summary>
    private async Task RaiseLateUseAsync(IIncidentSession session, PostContainmentWatch watch, List<TrailEvent> allowed, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var used = allowed.Select(static u => u.AccessKeyId).Distinct(StringComparer.Ordinal).ToList();
        var summary = $"post-containment watch: STILL ACTIVE: {allowed.Count} call(s) by {string.Join(", ", used)} succeeded after containment " +
            $"({string.Join(", ", allowed.Take(10).Select(static u => $"{u.AccessKeyId} {u.EventSource} {u.EventName} at {u.EventTime?.ToDateTimeOffset():O}"))}): containment did not hold";
        var waitingFor = $"a responder: containment did not hold, {string.Join(", ", used)} made calls that succeeded after containment; stop them by hand, then advance to verify again";
        // Past eradication the incident cannot go back to containing (PhaseMachine): advancing would not contain
        // anything again, so the responder is told what is left to them instead of a step that does nothing.
        var waitingForAfterEradication = $"a responder: containment did not hold, {string.Join(", ", used)} made calls that succeeded after containment; " +
            "the incident is past eradication and cannot contain again: stop the keys by hand and open a new incident for what they did";
        await session.AppendEvidenceAsync("containment:late-use", summary, JsonFormatter.Default.Format(new VerificationResult
        {
            Verdict = VerificationVerdict.StillActive,
            UsesAllowed = allowed.Count,
            Summary = summary,
        }), cancellationToken);
        await session.CommitAsync(null, "late-use", summary, draft =>
        {
            if (draft.PostContainmentWatch is not { State: PostContainmentWatchState.Watching } current)
            {
                return false;
            }

            current.State = PostContainmentWatchState.UseFound;
            current.CheckedUntil = Timestamp.FromDateTimeOffset(now);
            current.Checks++;
            current.UsedKeys.Add(used);
            current.Summary = summary;
            // The next containment verification starts after what this watch saw (LastContainmentChange).
            draft.Verification = new ContainmentVerification
            {
                Verdict = VerificationVerdict.StillActive,
                WatchedFrom = watch.WatchedFrom,
                CheckedUntil = Timestamp.FromDateTimeOffset(now),
                DeliveryCoveredAt = Timestamp.FromDateTimeOffset(now + options.Value.DeliveryDelay),
                UsesAllowed = allowed.Count,
                UsedKeys = { used },
                Summary = summary,
            };
            var canContain = draft.Phase == Phase.Containing || PhaseMachine.IsAllowed(draft.Phase, Phase.Containing);
            if (canContain && draft.Phase != Phase.Containing)
            {
                IncidentWorkflow.MoveTo(draft, Phase.Containing, "the post-containment watch found a call that succeeded after containment", now);
            }

            draft.WaitingFor = canContain ? waitingFor : waitingForAfterEradication;
            draft.LastError = summary;
            IncidentWorkflow.AddTimeline(draft, now, "system", summary);
            return true;
        }, cancellationToken);
        await NotifyLateUseAsync(session, used, cancellationToken);
    }

    /// <summary>Tells the incident's stakeholders, once per watch (the request id makes a repeat the same notifications).</summary>
    private async Task NotifyLateUseAsync(IIncidentSession session, List<string> used, CancellationToken cancellationToken)
    {
        var incident = session.Current;
        if (incident.Stakeholders.Count == 0 || phases.Identification is not { } identification)
        {
            return;
        }

        string outcome;
        var sent = new List<Notification>();
        try
        {
            var response = await identification.NotifyAsync(new NotifyRequest
            {
                RequestId = $"{session.IncidentId}/late-use/{incident.PostContainmentWatch.WatchedFrom.Seconds}",
                IncidentId = session.IncidentId,
                Subject = $"[CredIr] containment did not hold: {incident.Title}",
                Body = $"Incident {session.IncidentId}: {string.Join(", ", used)} made calls that succeeded after containment. " +
                    (incident.Phase == Phase.Containing ? "Containment is reopened." : "The incident is past eradication: the keys must be stopped by hand.") +
                    $" Ticket {incident.TicketReference}.",
                Recipients = { incident.Stakeholders },
            }, Context(WatchActor, cancellationToken));
            sent.AddRange(response.Notifications);
            outcome = $"stakeholders notified that containment did not hold: {sent.Count} notification(s) queued";
        }
        catch (RpcException exception)
        {
            outcome = $"stakeholders not notified that containment did not hold: {exception.Status.StatusCode}: {exception.Status.Detail}";
        }

        await session.CommitAsync(null, "notified", outcome, draft =>
        {
            var known = draft.Notifications.Select(static n => n.NotificationId).ToHashSet(StringComparer.Ordinal);
            draft.Notifications.Add(sent.Where(n => known.Add(n.NotificationId)));
            IncidentWorkflow.AddTimeline(draft, session.Now, "system", outcome);
            return true;
        }, cancellationToken);
    }
}

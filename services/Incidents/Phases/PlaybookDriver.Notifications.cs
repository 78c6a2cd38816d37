using CredIr.Contracts.V1;
using Grpc.Core;
using CredIr.Incidents.Domain;
using CredIr.Incidents.Grains;
using Google.Protobuf;

namespace CredIr.Incidents.Phases;

internal sealed partial class PlaybookDriver
{
    private const string NotifyStep = "identification/notify-stakeholders";

    /// <summary>
    /// Tells the stakeholders found at identification, once, before containment starts. It runs in
    /// the identified phase through the journal, so a coordinator killed between identifying and
    /// notifying still notifies after restart, and the request id makes the Identification
    /// service's outbox take a repeated call as the same notifications. A failure to notify (no
    /// webhook configured) is recorded and does not hold containment back.
    /// </summary>
    private async Task<bool> NotifyAsync(IIncidentSession session, string actor, CancellationToken cancellationToken)
    {
        var incident = session.Current;
        if (incident.Stakeholders.Count == 0 || phases.Identification is not { } identification)
        {
            return true;
        }

        var outcome = await journal.RunAsync(session.IncidentId, "identification", NotifyStep, async ct =>
        {
            try
            {
                var sent = await identification.NotifyAsync(new NotifyRequest
                {
                    RequestId = $"{session.IncidentId}/identified",
                    IncidentId = session.IncidentId,
                    Subject = $"[CredIr] {incident.Title}",
                    Body = $"Incident {session.IncidentId} is being handled: credentials are being contained. Ticket {incident.TicketReference}.",
                    Recipients = { incident.Stakeholders },
                }, Context(actor, ct));
                return new StepOutcome(StepStatus.Succeeded, $"{sent.Notifications.Count} notification(s) queued", JsonFormatter.Default.Format(sent));
            }
            catch (RpcException exception)
            {
                return new StepOutcome(StepStatus.Failed, $"{exception.Status}: {exception.Message}", "{}");
            }
        }, cancellationToken);

        var notifications = outcome.Status == StepStatus.Failed ? [] : JsonParser.Default.Parse<NotifyResponse>(outcome.PayloadJson).Notifications.ToList();
        await session.CommitAsync(null, "notified", outcome.Message, draft =>
        {
            var known = draft.Notifications.Select(n => n.NotificationId).ToHashSet(StringComparer.Ordinal);
            var added = notifications.Where(n => known.Add(n.NotificationId)).ToList();
            var noted = draft.Timeline.Any(t => t.What.StartsWith("stakeholders", StringComparison.Ordinal));
            draft.Notifications.Add(added);
            if (!noted)
            {
                IncidentWorkflow.AddTimeline(draft, session.Now, "system", outcome.Status == StepStatus.Failed
                    ? $"stakeholders not notified: {outcome.Message}; the communications checklist still lists them"
                    : $"stakeholders notified: {outcome.Message}");
            }

            return added.Count > 0 || !noted;
        }, cancellationToken);
        return true;
    }
}

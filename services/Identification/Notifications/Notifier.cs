using System.Text.Json;
using CredIr.Contracts.V1;
using CredIr.Identification.Inputs;
using Microsoft.Extensions.Options;

namespace CredIr.Identification.Notifications;

/// <summary>Turns a notify request into one outbox item per configured webhook and wakes the dispatcher.</summary>
public sealed class Notifier(INotificationOutbox outbox, NotificationDispatcher dispatcher, IOptions<NotificationOptions> options, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<IReadOnlyList<Notification>> NotifyAsync(NotifyRequest request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.RequestId))
        {
            throw new InputValidationException("request_id", "is empty; set a unique id so that a retried request does not notify twice");
        }

        if (string.IsNullOrWhiteSpace(request.Subject))
        {
            throw new InputValidationException("subject", "is empty; say what the notification is about");
        }

        var targets = options.Value.Targets;
        if (targets.Count == 0)
        {
            throw new PreconditionFailedException($"no webhook targets are configured ({NotificationOptions.SectionName}:Targets)");
        }

        var now = time.GetUtcNow();
        var items = targets.Select(target => new OutboxItem
        {
            NotificationId = $"{request.RequestId}/{target.Name}",
            Target = target.Name,
            Subject = request.Subject,
            PayloadJson = Payload(request, target.Name, now),
            NextAttemptAt = now,
            CreatedAt = now,
        }).ToList();

        var stored = await outbox.EnqueueAsync(items, cancellationToken);
        dispatcher.Wake();
        return stored.Select(i => i.ToContract()).ToList();
    }

    private static string Payload(NotifyRequest request, string target, DateTimeOffset now) => JsonSerializer.Serialize(new
    {
        notificationId = $"{request.RequestId}/{target}",
        incidentId = request.IncidentId,
        subject = request.Subject,
        body = request.Body,
        createdAt = now,
        recipients = request.Recipients.Select(r => new
        {
            name = r.Name,
            kind = r.Kind.ToString(),
            contact = r.Contact,
            application = r.Application,
            reason = r.Reason,
        }),
    }, Json);
}

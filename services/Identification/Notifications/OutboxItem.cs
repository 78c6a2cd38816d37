using CredIr.Contracts.V1;

namespace CredIr.Identification.Notifications;

/// <summary>One notification to one target, as the outbox holds it.</summary>
public sealed record OutboxItem
{
    /// <summary>Stable id: the request id and target, so enqueuing the same request twice sends once.</summary>
    public required string NotificationId { get; init; }

    public required string Target { get; init; }

    public required string Subject { get; init; }

    /// <summary>The JSON body POSTed to the target.</summary>
    public required string PayloadJson { get; init; }

    public NotificationStatus Status { get; init; } = NotificationStatus.Pending;

    public int Attempts { get; init; }

    public string? LastError { get; init; }

    public DateTimeOffset NextAttemptAt { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? DeliveredAt { get; init; }

    public Notification ToContract()
    {
        var notification = new Notification
        {
            NotificationId = NotificationId,
            Target = Target,
            Subject = Subject,
            Status = Status,
            Attempts = Attempts,
            LastError = LastError ?? "",
        };
        if (DeliveredAt is { } at)
        {
            notification.DeliveredAt = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(at);
        }

        return notification;
    }
}

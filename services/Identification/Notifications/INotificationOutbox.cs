namespace CredIr.Identification.Notifications;

/// <summary>
/// Durable queue of notifications: a notification enqueued is delivered or given up on with a record, whatever
/// happens to the receiver or to this process in between. The coordinator has its own table behind this interface.
/// </summary>
public interface INotificationOutbox
{
    /// <summary>Adds the items not already there (by id) and returns every item's current state.</summary>
    Task<IReadOnlyList<OutboxItem>> EnqueueAsync(IReadOnlyList<OutboxItem> items, CancellationToken cancellationToken);

    /// <summary>
    /// Pending items due at <paramref name="now"/>, each leased to the caller until <paramref name="leaseUntil"/> so that
    /// a second dispatcher on the same outbox does not send it too.
    /// </summary>
    Task<IReadOnlyList<OutboxItem>> ClaimDueAsync(DateTimeOffset now, DateTimeOffset leaseUntil, int max, CancellationToken cancellationToken);

    /// <summary>When the next pending item falls due, or null when none is pending.</summary>
    Task<DateTimeOffset?> NextDueAsync(CancellationToken cancellationToken);

    Task MarkDeliveredAsync(string notificationId, int attempts, DateTimeOffset deliveredAt, CancellationToken cancellationToken);

    /// <summary>Records a failed attempt: retried at <paramref name="nextAttemptAt"/>, or given up on when it is null.</summary>
    Task MarkFailedAsync(string notificationId, int attempts, string error, DateTimeOffset? nextAttemptAt, CancellationToken cancellationToken);

    Task<OutboxItem?> GetAsync(string notificationId, CancellationToken cancellationToken);
}

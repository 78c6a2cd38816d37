namespace CredIr.Identification.Notifications;

/// <summary>Webhook targets and delivery policy (section "Identification:Notifications").</summary>
public sealed class NotificationOptions
{
    public const string SectionName = "Identification:Notifications";

    public IList<WebhookTarget> Targets { get; } = [];

    /// <summary>The SQLite file of the outbox; a notification survives a restart of the service in it.</summary>
    public string OutboxPath { get; set; } = "identification-outbox.db";

    /// <summary>Attempts before a notification is given up on (and recorded as GAVE_UP with its last error).</summary>
    public int MaxAttempts { get; set; } = 10;

    /// <summary>Wait after the first failure; doubled after each further failure up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan InitialBackoff { get; set; } = TimeSpan.FromSeconds(5);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How often the dispatcher looks at the outbox when nothing wakes it (other processes may enqueue).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The backoff after <paramref name="failedAttempts"/> failures.</summary>
    public TimeSpan BackoffAfter(int failedAttempts)
    {
        var factor = Math.Pow(2, Math.Clamp(failedAttempts - 1, 0, 30));
        var delay = TimeSpan.FromTicks((long)Math.Min(InitialBackoff.Ticks * factor, MaxBackoff.Ticks));
        return delay < TimeSpan.Zero ? MaxBackoff : delay;
    }
}

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CredIr.Identification.Notifications;

/// <summary>
/// Delivers the outbox: each due notification is POSTed; a failure is retried with exponential backoff until it is
/// delivered or has used its attempts, when it is recorded as given up with its last error. Everything it knows is in
/// the outbox, so a new dispatcher on the same outbox carries on where a stopped one left off.
/// </summary>
public sealed class NotificationDispatcher(
    INotificationOutbox outbox,
    WebhookSender sender,
    IOptions<NotificationOptions> options,
    TimeProvider time,
    ILogger<NotificationDispatcher> logger) : BackgroundService
{
    private const int Batch = 20;
    private readonly SemaphoreSlim _wake = new(0, 1);

    /// <summary>Asks the dispatcher to look at the outbox now (new items were enqueued).</summary>
    public void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Another caller woke it first: one wake-up is enough.
            }
        }
    }

    /// <summary>Delivers what is due now; returns when the dispatcher should look again.</summary>
    public async Task<DateTimeOffset> DeliverDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        while (true)
        {
            var now = time.GetUtcNow();
            var lease = now + settings.Targets.Select(t => t.Timeout).DefaultIfEmpty(TimeSpan.FromSeconds(10)).Max() * 2;
            var due = await outbox.ClaimDueAsync(now, lease, Batch, cancellationToken);
            foreach (var item in due)
            {
                await DeliverAsync(item, settings, cancellationToken);
            }

            if (due.Count < Batch)
            {
                break;
            }
        }

        var next = await outbox.NextDueAsync(cancellationToken);
        var poll = time.GetUtcNow() + settings.PollInterval;
        return next is { } at && at < poll ? at : poll;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                var next = await DeliverDueAsync(stoppingToken);
                wait = next - time.GetUtcNow();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The outbox may be briefly unavailable (a locked file); nothing is lost, so try again later.
                wait = options.Value.InitialBackoff;
                NotificationLog.PassFailed(logger, ex, wait);
            }

            if (wait > TimeSpan.Zero)
            {
                using var delay = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                var sleeping = Task.Delay(wait, time, delay.Token);
                var woken = _wake.WaitAsync(delay.Token);
                await Task.WhenAny(sleeping, woken);
                await delay.CancelAsync();
            }
        }
    }

    private async Task DeliverAsync(OutboxItem item, NotificationOptions settings, CancellationToken cancellationToken)
    {
        var attempts = item.Attempts + 1;
        var target = settings.Targets.FirstOrDefault(t => string.Equals(t.Name, item.Target, StringComparison.OrdinalIgnoreCase));
        var error = target is null
            ? $"target '{item.Target}' is no longer configured ({NotificationOptions.SectionName}:Targets)"
            : await sender.SendAsync(target, item, cancellationToken);
        if (error is null)
        {
            await outbox.MarkDeliveredAsync(item.NotificationId, attempts, time.GetUtcNow(), cancellationToken);
            NotificationLog.Delivered(logger, item.NotificationId, item.Target, attempts);
            return;
        }

        if (target is null || attempts >= settings.MaxAttempts)
        {
            await outbox.MarkFailedAsync(item.NotificationId, attempts, error, null, cancellationToken);
            NotificationLog.GaveUp(logger, item.NotificationId, item.Target, attempts, error);
            return;
        }

        var next = time.GetUtcNow() + settings.BackoffAfter(attempts);
        await outbox.MarkFailedAsync(item.NotificationId, attempts, error, next, cancellationToken);
        NotificationLog.WillRetry(logger, item.NotificationId, item.Target, attempts, error, next);
    }

    public override void Dispose()
    {
        _wake.Dispose();
        base.Dispose();
    }
}

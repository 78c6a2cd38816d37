using CredIr.Contracts.V1;
using CredIr.Incidents.Phases;

namespace CredIr.Incidents.Grains;

/// <summary>
/// What must outlive this activation and this process is owned by Orleans reminders, kept in the store (SQLite's
/// <c>orleans_reminders</c>, PostgreSQL's Orleans tables): the post-containment watch and the retry of a failed
/// phase. The document says what is due (<see cref="Incident.PostContainmentWatch"/>, <see cref="Incident.Retry"/>)
/// and the reminders follow it: one is registered before the write that needs it (a crash between the two leaves a
/// reminder that finds nothing to do and goes), and unregistered after the write that ends it.
/// </summary>
internal sealed partial class IncidentGrain : IRemindable
{
    public const string WatchReminder = "post-containment-watch";
    public const string RetryReminder = "phase-retry";

    // Who the phase services see calling when no responder did: a retry the reminder started.
    public const string RetryActor = "credir-coordinator (automatic retry)";

    private readonly CancellationTokenSource _checks = new();
    private Task? _check;

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        // A tick is a grain call: it only starts the work (beside the turn, like a run) and returns.
        switch (reminderName)
        {
            case WatchReminder when IsWatching(_committed):
                _check ??= CheckAfterContainmentAsync();
                return;
            case RetryReminder when _committed?.Retry is not null:
                _run ??= StartRun(RetryActor);
                return;
            default:
                // What it was for is over (or never was written): the reminder goes.
                await ForgetAsync(reminderName);
                return;
        }
    }

    private async Task CheckAfterContainmentAsync()
    {
        KeepActive();
        try
        {
            await Task.Yield();
            await driver.CheckAfterContainmentAsync(this, _checks.Token);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The next tick checks again; the watch is over only once the document says so.
            IncidentGrainLog.CheckFailed(logger, IncidentId, exception.GetType().Name);
        }
        finally
        {
            _check = null;
            ReleaseWhenIdle();
        }
    }

    /// <summary>Registers the reminders the draft needs and the committed state did not (before the write).</summary>
    private async Task RemindBeforeAsync(Incident? before, Incident draft)
    {
        var settings = options.Value;
        if (IsWatching(draft) && !IsWatching(before))
        {
            await this.RegisterOrUpdateReminder(WatchReminder, settings.PostContainmentCheckInterval, settings.PostContainmentCheckInterval);
        }

        if (draft.Retry is { } retry && !retry.Equals(before?.Retry))
        {
            var due = retry.NextAt.ToDateTimeOffset() - time.GetUtcNow();
            // The period only matters if a tick is lost: the tick itself schedules the next retry or ends them.
            await this.RegisterOrUpdateReminder(RetryReminder, due > TimeSpan.Zero ? due : TimeSpan.Zero, settings.PhaseRetryMaxDelay);
        }
    }

    /// <summary>Unregisters the reminders the written state no longer needs.</summary>
    private async Task ForgetAfterAsync(Incident? before, Incident written)
    {
        try
        {
            if (IsWatching(before) && !IsWatching(written))
            {
                await ForgetAsync(WatchReminder);
            }

            if (before?.Retry is not null && written.Retry is null)
            {
                await ForgetAsync(RetryReminder);
            }
        }
        catch (Exception exception) when (exception is ReminderException or TimeoutException)
        {
            // The change is committed; a reminder left behind finds nothing to do at its next tick and goes then.
            IncidentGrainLog.ForgetFailed(logger, IncidentId, exception.GetType().Name);
        }
    }

    private async Task ForgetAsync(string reminderName)
    {
        if (await this.GetReminder(reminderName) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private static bool IsWatching(Incident? incident) =>
        incident?.PostContainmentWatch?.State == PostContainmentWatchState.Watching;

    // A run or a check is not idle even when no call waits for it.
    private void KeepActive() => this.DelayDeactivation(TimeSpan.FromDays(1));

    private void ReleaseWhenIdle()
    {
        if (_run is null && _check is null)
        {
            this.DelayDeactivation(TimeSpan.Zero);
        }
    }
}

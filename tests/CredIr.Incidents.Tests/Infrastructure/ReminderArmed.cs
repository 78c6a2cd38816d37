using Orleans.Reminders.Diagnostics;

namespace CredIr.Incidents.Tests.Infrastructure;

/// <summary>
/// Completes when a silo of this process has armed the wait for a grain's reminder's next tick (Orleans' reminder
/// diagnostics): from then on, moving the fake clock past the tick fires it. Without it a test could move the clock
/// before a restarted silo has loaded the reminder from its table, and wait for a tick that was never scheduled.
/// </summary>
internal sealed class ReminderArmed : IObserver<ReminderEvents.ReminderEvent>, IDisposable
{
    private readonly GrainId _grain;
    private readonly string _reminder;
    private readonly TaskCompletionSource _armed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly IDisposable _subscription;

    public ReminderArmed(GrainId grain, string reminder)
    {
        _grain = grain;
        _reminder = reminder;
        _subscription = ReminderEvents.AllEvents.Subscribe(this);
    }

    public Task Task => _armed.Task;

    public void OnNext(ReminderEvents.ReminderEvent value)
    {
        if (value is ReminderEvents.LocalReminderTickWaitArmed armed && armed.GrainId == _grain && armed.ReminderName == _reminder)
        {
            _armed.TrySetResult();
        }
    }

    public void OnCompleted()
    {
    }

    public void OnError(Exception error) => _armed.TrySetException(error);

    public void Dispose() => _subscription.Dispose();
}

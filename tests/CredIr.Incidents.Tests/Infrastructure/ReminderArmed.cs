using Orleans.Reminders.Diagnostics;

namespace CredIr.Incidents.Tests.Infrastructure;

/// <summary>
/// Completes when a silo of this process has armed the wait for a grain's reminder's next tick (Orleans' reminder
/// diagnostics): from then on, moving the fake clock past the tick fires it. Without it a test could move the clock
/// before a restarted silo has loaded the reminder from its table, and wait for a tick that was never scheduled.
/// </summary>
internal sealed class ReminderArmed : IObserver<ReminderEvents.ReminderEvent>, IDisposable
{
    private readonly string _reminder;
    private readonly GrainId? _grain;
    private readonly SiloAddress? _silo;
    private readonly TaskCompletionSource _armed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly IDisposable _subscription;

    /// <summary>For <paramref name="reminder"/> of one grain (any silo), or on one silo (any grain).</summary>
    public ReminderArmed(string reminder, GrainId? grain = null, SiloAddress? silo = null)
    {
        _reminder = reminder;
        _grain = grain;
        _silo = silo;
        _subscription = ReminderEvents.AllEvents.Subscribe(this);
    }

    public Task Task => _armed.Task;

    public void OnNext(ReminderEvents.ReminderEvent value)
    {
        if (value is ReminderEvents.LocalReminderTickWaitArmed armed && armed.ReminderName == _reminder
            && (_grain is null || armed.GrainId == _grain) && (_silo is null || _silo.Equals(armed.SiloAddress)))
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

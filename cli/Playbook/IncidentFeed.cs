using CredIr.Contracts.V1;

namespace CredIr.Cli.Playbook;

/// <summary>
/// The latest incident seen on the watch stream, and a way to wait for a condition on it
/// (subscribed; an approval decided elsewhere; the last change printed) without polling.
/// </summary>
internal sealed class IncidentFeed
{
    private readonly Lock _gate = new();
    private Incident? _latest;
    private Exception? _failure;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Publish(Incident incident)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            _latest = incident;
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.TrySetResult();
    }

    /// <summary>The stream ended or failed: waiters get the failure instead of waiting forever.</summary>
    public void End(Exception failure)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            _failure = failure;
            changed = _changed;
        }

        changed.TrySetResult();
    }

    public async Task<Incident> WaitAsync(Func<Incident, bool> until, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                if (_latest is { } latest && until(latest))
                {
                    return latest;
                }

                if (_failure is { } failure)
                {
                    throw failure;
                }

                changed = _changed.Task;
            }

            await changed.WaitAsync(cancellationToken);
        }
    }
}

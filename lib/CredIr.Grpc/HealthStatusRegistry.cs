namespace CredIr.Grpc;

/// <summary>
/// What grpc.health.v1.Health answers. The overall service ("") starts SERVING; every mapped
/// service starts SERVING; code sets NOT_SERVING when a dependency it needs is down.
/// </summary>
public sealed class HealthStatusRegistry
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ServingStatus> _statuses = new(StringComparer.Ordinal) { [string.Empty] = ServingStatus.Serving };
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public void SetStatus(string service, ServingStatus status)
    {
        TaskCompletionSource changed;
        lock (_gate)
        {
            if (_statuses.TryGetValue(service, out var current) && current == status)
            {
                return;
            }

            _statuses[service] = status;
            changed = _changed;
            _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        changed.SetResult();
    }

    public bool TryGetStatus(string service, out ServingStatus status)
    {
        lock (_gate)
        {
            return _statuses.TryGetValue(service, out status);
        }
    }

    /// <summary>The current status (null if unknown) and a task that completes at the next change.</summary>
    internal (ServingStatus? Status, Task Changed) Observe(string service)
    {
        lock (_gate)
        {
            return (_statuses.TryGetValue(service, out var status) ? status : null, _changed.Task);
        }
    }
}

namespace CredIr.Gateway.Forwarding;

/// <summary>The instances of one service; round-robin over the healthy ones.</summary>
internal sealed class BackendPool(string service, IReadOnlyList<BackendInstance> instances)
{
    private int _next = -1;

    public string Service { get; } = service;

    public IReadOnlyList<BackendInstance> Instances { get; } = instances;

    /// <summary>The next healthy instance after the ones already tried; null when none is left.</summary>
    public BackendInstance? Pick(IReadOnlyCollection<BackendInstance>? tried = null)
    {
        var count = Instances.Count;
        var start = Interlocked.Increment(ref _next);
        for (var i = 0; i < count; i++)
        {
            var candidate = Instances[(int)((uint)(start + i) % (uint)count)];
            if (candidate.Healthy && (tried is null || !tried.Contains(candidate)))
            {
                return candidate;
            }
        }

        return null;
    }
}

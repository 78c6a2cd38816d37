namespace CredIr.Incidents.Grains;

/// <summary>
/// One grain instance in this process, with the lock that makes its calls turn-based: a call
/// holds the turn from start to end, awaits included, so calls never interleave (no re-entrancy).
/// </summary>
internal sealed class GrainActivation<TGrain>(string key, TGrain grain) : IDisposable
    where TGrain : class, IGrainLifecycle
{
    public string Key { get; } = key;

    public TGrain Grain { get; } = grain;

    public SemaphoreSlim Turn { get; } = new(1, 1);

    public bool IsActivated { get; set; }

    /// <summary>Set under the turn when the runtime drops the activation; a caller that gets the turn afterwards looks again.</summary>
    public bool IsDeactivated { get; set; }

    public long LastUsedTimestamp { get; set; }

    public void Dispose() => Turn.Dispose();
}

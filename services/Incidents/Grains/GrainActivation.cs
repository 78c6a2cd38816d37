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

    public volatile bool IsActivated;

    /// <summary>Set under the turn when the runtime drops the activation; a caller that gets the turn afterwards looks again.</summary>
    public volatile bool IsDeactivated;

    public long LastUsedTimestamp;

    public void Dispose() => Turn.Dispose();
}

namespace CredIr.Incidents.Grains;

/// <summary>
/// What the runtime asks of a grain, as Orleans' <c>Grain.OnActivateAsync</c> and
/// <c>OnDeactivateAsync</c>: load state when activated, let go when dropped, and say when it must
/// not be dropped while idle (someone is watching it).
/// </summary>
internal interface IGrainLifecycle
{
    Task OnActivateAsync(CancellationToken cancellationToken);

    /// <summary>Reloads the stored state, discarding what this activation holds (after a conflict).</summary>
    Task ReloadAsync(CancellationToken cancellationToken);

    void OnDeactivate();

    bool KeepAlive { get; }
}

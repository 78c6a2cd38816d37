namespace CredIr.Incidents.Grains;

/// <summary>How the runtime treats idle activations and write conflicts, run claims and watched activations.</summary>
internal sealed record GrainRuntimeOptions(TimeSpan IdleTimeout, TimeSpan SweepInterval, int ConflictRetries)
{
    /// <summary>How long a run claim lasts without renewal (renewed every third of it).</summary>
    public TimeSpan RunClaimDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often a watched activation looks for a version another coordinator wrote.</summary>
    public TimeSpan WatchPollInterval { get; init; } = TimeSpan.FromSeconds(1);
}

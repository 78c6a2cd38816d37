namespace CredIr.Incidents.Grains;

/// <summary>How the runtime treats idle activations and write conflicts.</summary>
internal sealed record GrainRuntimeOptions(TimeSpan IdleTimeout, TimeSpan SweepInterval, int ConflictRetries);

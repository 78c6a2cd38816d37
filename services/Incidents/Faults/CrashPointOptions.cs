namespace CredIr.Incidents.Faults;

/// <summary>
/// A deliberate kill -9 of this coordinator at one durable write (section "Incidents:CrashPoint"),
/// for crash tests and game days: <see cref="At"/> names the point as <c>before:KIND</c> or
/// <c>after:KIND</c> (kinds in <see cref="CrashPoints.Kinds"/>), and the process kills itself at
/// its <see cref="Occurrence"/>th such write since it started (of those <see cref="Matching"/>
/// picks). Unset (the default) does nothing.
/// </summary>
public sealed class CrashPointOptions
{
    /// <summary>e.g. <c>after:journal-intent</c> (before the side effect) or <c>before:journal-result</c> (after it).</summary>
    public string? At { get; set; }

    public int Occurrence { get; set; } = 1;

    /// <summary>Counts only the writes whose description holds this text (e.g. <c>eradication-1/</c>, a plan's steps); all when unset.</summary>
    public string? Matching { get; set; }
}

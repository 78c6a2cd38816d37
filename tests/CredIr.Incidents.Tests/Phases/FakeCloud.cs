using System.Collections.Concurrent;

namespace CredIr.Incidents.Tests.Phases;

/// <summary>
/// The cloud state the stand-in phase services change, shared across "restarts" so a test can
/// count side effects: each change that actually happened is counted once.
/// </summary>
internal sealed class FakeCloud
{
    public ConcurrentDictionary<string, string> KeyStatus { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, int> Effects { get; } = new(StringComparer.Ordinal);

    /// <summary>Calls CloudTrail recorded for the keys (what containment's verification reads), newest last.</summary>
    public ConcurrentQueue<CredIr.Contracts.V1.TrailEvent> Trail { get; } = new();

    public void Count(string effect) => Effects.AddOrUpdate(effect, 1, static (_, n) => n + 1);
}

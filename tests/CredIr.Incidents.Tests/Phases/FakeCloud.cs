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

    public void Count(string effect) => Effects.AddOrUpdate(effect, 1, static (_, n) => n + 1);
}

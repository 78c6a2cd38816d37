using System.Collections.Concurrent;

namespace CredIr.Sandbox;

/// <summary>Per-service fault settings, keyed by the SigV4 signing name (iam, sts, cloudtrail, s3...).</summary>
public sealed class FaultInjector
{
    private readonly ConcurrentDictionary<string, FaultOptions> _byService = new(StringComparer.OrdinalIgnoreCase);
    private readonly Random _random;
    private readonly Lock _randomGate = new();

    internal FaultInjector(Random random) => _random = random;

    public void Set(string service, FaultOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(service);
        ArgumentNullException.ThrowIfNull(options);
        _byService[service] = options;
    }

    public void Clear() => _byService.Clear();

    public void Clear(string service) => _byService.TryRemove(service, out _);

    internal FaultOptions? For(string service) => _byService.TryGetValue(service, out var o) ? o : null;

    internal bool Roll(double rate)
    {
        if (rate <= 0)
        {
            return false;
        }

        lock (_randomGate)
        {
            return _random.NextDouble() < rate;
        }
    }
}

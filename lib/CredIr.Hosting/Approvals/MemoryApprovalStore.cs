using System.Collections.Concurrent;

namespace CredIr.Hosting.Approvals;

/// <summary>
/// Keys and used tokens for as long as the process lives, for a host that executes within one run only (tests that build
/// a gate by hand); a service's host uses <see cref="SqliteApprovalStore"/> or the incident store, which outlive a restart.
/// </summary>
public sealed class MemoryApprovalStore(TimeProvider time) : IApprovalStore
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _used = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte[]> _keys = new(StringComparer.Ordinal);

    public Task<byte[]> GetOrAddKeyAsync(string name, byte[] generated, CancellationToken cancellationToken) =>
        Task.FromResult(_keys.GetOrAdd(name, generated));

    public Task<bool> TryUseTokenAsync(string tokenId, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        foreach (var (id, expiry) in _used)
        {
            if (expiry < now)
            {
                _used.TryRemove(id, out _);
            }
        }

        return Task.FromResult(_used.TryAdd(tokenId, expiresAt));
    }
}

using System.Collections.Concurrent;

using CredIr.Hosting.Approvals;

namespace CredIr.Tests;

/// <summary>
/// Keys and used tokens for as long as the test process lives, for tests that build an approval gate by hand. Not in the
/// product: a service's host uses SqliteApprovalStore or the incident store, which outlive a restart.
/// </summary>
internal sealed class MemoryApprovalStore(TimeProvider time) : IApprovalStore
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

using System.Collections.Concurrent;

namespace CredIr.Hosting.Approvals;

/// <summary>
/// A phase service hosted alone: the key lives as long as the process, and a used token is remembered until it
/// expires (a token outlives no restart by more than its lifetime).
/// </summary>
public sealed class MemoryApprovalStore(TimeProvider time) : IApprovalStore
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _used = new(StringComparer.Ordinal);
    private byte[]? _key;

    public Task<byte[]> GetOrAddKeyAsync(byte[] generated, CancellationToken cancellationToken) =>
        Task.FromResult(Interlocked.CompareExchange(ref _key, generated, null) ?? generated);

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

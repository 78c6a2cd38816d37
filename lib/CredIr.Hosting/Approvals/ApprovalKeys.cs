using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace CredIr.Hosting.Approvals;

/// <summary>
/// The deployment's approval key (configured, else the store's) and the keys derived from it: one per planning
/// service for plan seals, one for the coordinator's tokens. Derived so that a seal can never pass for a token.
/// </summary>
public sealed class ApprovalKeys(IOptions<ApprovalOptions> options, IApprovalStore store)
{
    private byte[]? _master;

    internal async ValueTask<byte[]> DeriveAsync(string purpose, CancellationToken cancellationToken)
    {
        var master = _master ?? await LoadAsync(cancellationToken).ConfigureAwait(false);
        return HMACSHA256.HashData(master, Encoding.UTF8.GetBytes("credir/v1/" + purpose));
    }

    // No lock: two first callers may both load, and the store keeps the first key written, so both get that one.
    private async Task<byte[]> LoadAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var configured = settings.Key is { Length: > 0 } key ? SecretKeys.Decode(key)
            : settings.KeyFile is { Length: > 0 } file ? SecretKeys.Decode(await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false))
            : null;
        _master = configured ?? await store.GetOrAddKeyAsync(RandomNumberGenerator.GetBytes(32), cancellationToken).ConfigureAwait(false);
        return _master;
    }
}

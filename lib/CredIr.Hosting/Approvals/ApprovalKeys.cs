using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace CredIr.Hosting.Approvals;

/// <summary>
/// The keys behind approvals (ADR 0007). The seal key (<see cref="ApprovalOptions.Key"/>, configured, else the
/// store's) with one key derived from it per planning service. The coordinator's ECDSA P-256 signing key
/// (<see cref="ApprovalOptions.SigningKey"/>, configured, else the store's) that mints approval tokens, and the
/// public key an acting service verifies them with (<see cref="ApprovalOptions.PublicKey"/>, else the public half
/// of this process's own signing key): a service given only the public key can check approvals but never make one.
/// </summary>
public sealed class ApprovalKeys(IOptions<ApprovalOptions> options, IApprovalStore store)
{
    internal const string SealKeyName = "approval";
    internal const string SigningKeyName = "approval-signing";

    private byte[]? _master;
    private byte[]? _signing;
    private byte[]? _public;

    internal async ValueTask<byte[]> DeriveAsync(string purpose, CancellationToken cancellationToken)
    {
        var master = _master ?? await LoadMasterAsync(cancellationToken).ConfigureAwait(false);
        return HMACSHA256.HashData(master, Encoding.UTF8.GetBytes("credir/v1/" + purpose));
    }

    /// <summary>An ECDSA P-256 signature (SHA-256, IEEE P1363) over <paramref name="data"/> with the coordinator's signing key.</summary>
    internal async ValueTask<byte[]> SignAsync(byte[] data, CancellationToken cancellationToken) =>
        EcdsaKeys.Sign(_signing ?? await LoadSigningAsync(cancellationToken).ConfigureAwait(false), data);

    /// <summary>Whether <paramref name="signature"/> over <paramref name="data"/> verifies with the public key this service trusts.</summary>
    internal async ValueTask<bool> VerifyAsync(byte[] data, ReadOnlyMemory<byte> signature, CancellationToken cancellationToken)
    {
        var publicKey = _public ?? await LoadPublicAsync(cancellationToken).ConfigureAwait(false);
        return EcdsaKeys.Verify(publicKey, data, signature.Span);
    }

    // No locks: two first callers may both load, and the store keeps the first key written, so both get that one.
    private async Task<byte[]> LoadMasterAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        _master = await ConfiguredAsync(settings.Key, settings.KeyFile, SecretKeys.Decode, cancellationToken).ConfigureAwait(false)
            ?? await store.GetOrAddKeyAsync(SealKeyName, RandomNumberGenerator.GetBytes(32), cancellationToken).ConfigureAwait(false);
        return _master;
    }

    private async Task<byte[]> LoadSigningAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        _signing = await ConfiguredAsync(settings.SigningKey, settings.SigningKeyFile, EcdsaKeys.PrivateKey, cancellationToken).ConfigureAwait(false)
            ?? await store.GetOrAddKeyAsync(SigningKeyName, EcdsaKeys.Generate(), cancellationToken).ConfigureAwait(false);
        return _signing;
    }

    private async Task<byte[]> LoadPublicAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        _public = await ConfiguredAsync(settings.PublicKey, settings.PublicKeyFile, EcdsaKeys.PublicKey, cancellationToken).ConfigureAwait(false)
            ?? EcdsaKeys.PublicOf(_signing ?? await LoadSigningAsync(cancellationToken).ConfigureAwait(false));
        return _public;
    }

    // The key given in the setting itself, else in the file it names, parsed; null when neither is set.
    private static async Task<byte[]?> ConfiguredAsync(string? text, string? file, Func<string, byte[]?> parse, CancellationToken cancellationToken) =>
        text is { Length: > 0 } ? parse(text)
        : file is { Length: > 0 } ? parse(await File.ReadAllTextAsync(file, cancellationToken).ConfigureAwait(false))
        : null;
}

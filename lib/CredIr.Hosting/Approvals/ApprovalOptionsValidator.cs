using Microsoft.Extensions.Options;

namespace CredIr.Hosting.Approvals;

/// <summary>Fails start-up with the key to fix; never echoes a key itself.</summary>
internal sealed class ApprovalOptionsValidator : IValidateOptions<ApprovalOptions>
{
    private const string MakeSigningKey = "e.g. openssl ecparam -name prime256v1 -genkey -noout";

    public ValidateOptionsResult Validate(string? name, ApprovalOptions options)
    {
        var failure = Pair("Key", options.Key, options.KeyFile, static t => SecretKeys.Decode(t) is not null, "base64 of at least 32 random bytes (e.g. openssl rand -base64 32)")
            ?? Pair("SigningKey", options.SigningKey, options.SigningKeyFile, static t => EcdsaKeys.PrivateKey(t) is not null, $"an ECDSA P-256 private key, PEM or base64 of PKCS#8 ({MakeSigningKey})")
            ?? Pair("PublicKey", options.PublicKey, options.PublicKeyFile, static t => EcdsaKeys.PublicKey(t) is not null, "an ECDSA P-256 public key, PEM or base64 of SubjectPublicKeyInfo (e.g. openssl ec -pubout)")
            ?? Matching(options);
        if (failure is not null)
        {
            return ValidateOptionsResult.Fail(failure);
        }

        if (string.IsNullOrWhiteSpace(options.DataFolder))
        {
            return ValidateOptionsResult.Fail("Approvals:DataFolder must name a folder (default: the working directory).");
        }

        return options.TokenLifetime > TimeSpan.Zero && options.TokenLifetime <= TimeSpan.FromHours(1)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("Approvals:TokenLifetime must be positive and at most 01:00:00.");
    }

    private static string? Pair(string key, string? value, string? file, Func<string, bool> valid, string what)
    {
        if (!string.IsNullOrEmpty(value) && !string.IsNullOrEmpty(file))
        {
            return $"Approvals:{key} and Approvals:{key}File are both set: give one.";
        }

        if (!string.IsNullOrEmpty(value) && !valid(value))
        {
            return $"Approvals:{key} must be {what}.";
        }

        if (string.IsNullOrEmpty(file))
        {
            return null;
        }

        if (!File.Exists(file))
        {
            return $"Approvals:{key}File: no file at {file}.";
        }

        return valid(File.ReadAllText(file)) ? null : $"Approvals:{key}File: {file} must hold {what}.";
    }

    // A coordinator told to trust another key than its own would refuse every token it mints.
    private static string? Matching(ApprovalOptions options)
    {
        var signing = Text(options.SigningKey, options.SigningKeyFile) is { } s ? EcdsaKeys.PrivateKey(s) : null;
        var trusted = Text(options.PublicKey, options.PublicKeyFile) is { } p ? EcdsaKeys.PublicKey(p) : null;
        return signing is not null && trusted is not null && !EcdsaKeys.PublicOf(signing).AsSpan().SequenceEqual(trusted)
            ? "Approvals:PublicKey is not the public half of Approvals:SigningKey: give the coordinator one of them, or the matching pair."
            : null;
    }

    private static string? Text(string? value, string? file) =>
        !string.IsNullOrEmpty(value) ? value : !string.IsNullOrEmpty(file) && File.Exists(file) ? File.ReadAllText(file) : null;
}

using Microsoft.Extensions.Options;

namespace CredIr.Hosting.Approvals;

/// <summary>Fails start-up with the key to fix; never echoes the key itself.</summary>
internal sealed class ApprovalOptionsValidator : IValidateOptions<ApprovalOptions>
{
    public ValidateOptionsResult Validate(string? name, ApprovalOptions options)
    {
        if (!string.IsNullOrEmpty(options.Key) && !string.IsNullOrEmpty(options.KeyFile))
        {
            return ValidateOptionsResult.Fail("Approvals:Key and Approvals:KeyFile are both set: give one.");
        }

        if (!string.IsNullOrEmpty(options.Key) && SecretKeys.Decode(options.Key) is null)
        {
            return ValidateOptionsResult.Fail("Approvals:Key must be base64 of at least 32 random bytes (e.g. openssl rand -base64 32).");
        }

        if (!string.IsNullOrEmpty(options.KeyFile))
        {
            if (!File.Exists(options.KeyFile))
            {
                return ValidateOptionsResult.Fail($"Approvals:KeyFile: no file at {options.KeyFile}.");
            }

            if (SecretKeys.Decode(File.ReadAllText(options.KeyFile)) is null)
            {
                return ValidateOptionsResult.Fail($"Approvals:KeyFile: {options.KeyFile} must hold base64 of at least 32 random bytes (e.g. openssl rand -base64 32).");
            }
        }

        return options.TokenLifetime > TimeSpan.Zero && options.TokenLifetime <= TimeSpan.FromHours(1)
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail("Approvals:TokenLifetime must be positive and at most 01:00:00.");
    }
}

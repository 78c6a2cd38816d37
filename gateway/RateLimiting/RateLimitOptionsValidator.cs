using Microsoft.Extensions.Options;

namespace CredIr.Gateway.RateLimiting;

internal sealed class RateLimitOptionsValidator : IValidateOptions<RateLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, RateLimitOptions options) =>
        options.TokenLimit < 1 ? ValidateOptionsResult.Fail("Gateway:RateLimit:TokenLimit must be at least 1.")
        : options.TokensPerPeriod < 1 ? ValidateOptionsResult.Fail("Gateway:RateLimit:TokensPerPeriod must be at least 1.")
        : options.AddressTokenLimit < 1 ? ValidateOptionsResult.Fail("Gateway:RateLimit:AddressTokenLimit must be at least 1.")
        : options.AddressTokensPerPeriod < 1 ? ValidateOptionsResult.Fail("Gateway:RateLimit:AddressTokensPerPeriod must be at least 1.")
        : options.ReplenishmentPeriod <= TimeSpan.Zero ? ValidateOptionsResult.Fail("Gateway:RateLimit:ReplenishmentPeriod must be positive.")
        : ValidateOptionsResult.Success;
}

using Microsoft.Extensions.Options;

namespace CredIr.Gateway;

internal sealed class GatewayOptionsValidator : IValidateOptions<GatewayOptions>
{
    public ValidateOptionsResult Validate(string? name, GatewayOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrEmpty(options.CallerKey) || options.CallerKey.Length < 16)
        {
            failures.Add("Gateway:CallerKey must be set to a secret of at least 16 characters shared with the services.");
        }

        foreach (var (service, config) in options.Services)
        {
            if (config.Addresses.Count == 0)
            {
                failures.Add($"Gateway:Services:{service}:Addresses must list at least one address (leave the service out to serve it in the gateway's process).");
            }

            foreach (var address in config.Addresses)
            {
                if (!Uri.TryCreate(address, UriKind.Absolute, out var uri) || (uri.Scheme != "http" && uri.Scheme != "https"))
                {
                    failures.Add($"Gateway:Services:{service}:Addresses: '{address}' is not an http:// or https:// address.");
                }
            }
        }

        if (options.MaxAttempts < 1)
        {
            failures.Add("Gateway:MaxAttempts must be at least 1.");
        }

        if (options.HealthCheckInterval <= TimeSpan.Zero || options.HealthCheckTimeout <= TimeSpan.Zero)
        {
            failures.Add("Gateway:HealthCheckInterval and Gateway:HealthCheckTimeout must be positive.");
        }

        if (options.MaxRequestBodyBytes <= 0 || options.MaxJsonBodyBytes <= 0)
        {
            failures.Add("Gateway:MaxRequestBodyBytes and Gateway:MaxJsonBodyBytes must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

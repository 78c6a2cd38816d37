using System.Text;
using Microsoft.Extensions.Options;

namespace CredIr.Gateway.Auth;

internal sealed class GatewayAuthOptionsValidator : IValidateOptions<GatewayAuthOptions>
{
    public ValidateOptionsResult Validate(string? name, GatewayAuthOptions options)
    {
        if (options.DevelopmentMode)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (string.IsNullOrEmpty(options.Issuer))
        {
            failures.Add("Gateway:Auth:Issuer must be set (or Gateway:Auth:DevelopmentMode=true on loopback).");
        }

        if (string.IsNullOrEmpty(options.Audience))
        {
            failures.Add("Gateway:Auth:Audience must be set.");
        }

        var hasKey = !string.IsNullOrEmpty(options.SigningKey);
        if (!hasKey && string.IsNullOrEmpty(options.JwksPath))
        {
            failures.Add("Gateway:Auth:SigningKey or Gateway:Auth:JwksPath must be set.");
        }

        if (hasKey && Encoding.UTF8.GetByteCount(options.SigningKey) < 32)
        {
            failures.Add("Gateway:Auth:SigningKey must be at least 32 bytes for HS256.");
        }

        if (!string.IsNullOrEmpty(options.JwksPath) && !File.Exists(options.JwksPath))
        {
            failures.Add($"Gateway:Auth:JwksPath: file '{options.JwksPath}' does not exist.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}

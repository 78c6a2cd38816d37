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
        ValidateCertificates(options.ClientCertificates, failures);
        var jwtConfigured = !string.IsNullOrEmpty(options.Issuer) || !string.IsNullOrEmpty(options.Audience)
            || !string.IsNullOrEmpty(options.SigningKey) || !string.IsNullOrEmpty(options.JwksPath);
        if (options.ClientCertificates.Enabled && !jwtConfigured)
        {
            // Client certificates alone: bearer tokens are simply never valid.
            return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
        }

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

    private static void ValidateCertificates(ClientCertificateOptions certificates, List<string> failures)
    {
        if (!certificates.Enabled)
        {
            return;
        }

        const string Section = ClientCertificateOptions.SectionName;
        if (certificates.TrustedIssuers.Count == 0)
        {
            failures.Add($"{Section}:TrustedIssuers must list at least one PEM file of a certificate authority.");
        }

        failures.AddRange(certificates.TrustedIssuers.Where(p => !File.Exists(p)).Select(p => $"{Section}:TrustedIssuers: file '{p}' does not exist."));
        if (certificates.Callers.Count == 0)
        {
            failures.Add($"{Section}:Callers must map at least one certificate to a caller and roles.");
        }

        for (var i = 0; i < certificates.Callers.Count; i++)
        {
            var caller = certificates.Callers[i];
            if (!caller.HasMatcher)
            {
                failures.Add($"{Section}:Callers:{i} needs Subject, CommonName or DnsName.");
            }

            foreach (var role in caller.Roles.Where(r => r.ToLowerInvariant() is not ("viewer" or "responder" or "approver")))
            {
                failures.Add($"{Section}:Callers:{i}:Roles: '{role}' is not viewer, responder or approver.");
            }
        }
    }
}

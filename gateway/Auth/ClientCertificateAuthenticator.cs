using System.Security.Claims;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Options;

namespace CredIr.Gateway.Auth;

/// <summary>
/// Decides who a client certificate is: it must chain to one of the configured issuers (with the
/// client-authentication usage, valid now) and match a configured caller, whose roles it gets.
/// </summary>
internal sealed class ClientCertificateAuthenticator(IOptions<GatewayAuthOptions> options, TimeProvider time)
{
    private const string ClientAuthentication = "1.3.6.1.5.5.7.3.2";
    private readonly Lazy<X509Certificate2Collection> _issuers = new(() => LoadIssuers(options.Value.ClientCertificates.TrustedIssuers));

    /// <summary>The caller's identity, or null with the reason for the refusal.</summary>
    public ClaimsIdentity? Authenticate(X509Certificate2 certificate, out string refusal)
    {
        var settings = options.Value.ClientCertificates;
        if (!Chains(certificate, settings.CheckRevocation))
        {
            refusal = "the client certificate is not issued by a trusted issuer, has expired, or is not for client authentication";
            return null;
        }

        var rule = settings.Callers.FirstOrDefault(c => Matches(c, certificate));
        if (rule is null)
        {
            refusal = "the client certificate is trusted but mapped to no caller (Gateway:Auth:ClientCertificates:Callers)";
            return null;
        }

        refusal = string.Empty;
        var name = !string.IsNullOrEmpty(rule.Caller) ? rule.Caller : certificate.GetNameInfo(X509NameType.SimpleName, false);
        var claims = new List<Claim> { new("sub", name) };
        claims.AddRange(rule.Roles.Select(role => new Claim("roles", role)));
        return new ClaimsIdentity(claims, ClientCertificateHandler.SchemeName, "sub", "roles");
    }

    private bool Chains(X509Certificate2 certificate, bool checkRevocation)
    {
        using var chain = new X509Chain();
        var policy = chain.ChainPolicy;
        policy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        policy.CustomTrustStore.AddRange(_issuers.Value);
        policy.RevocationMode = checkRevocation ? X509RevocationMode.Online : X509RevocationMode.NoCheck;
        policy.VerificationTime = time.GetUtcNow().UtcDateTime;
        policy.ApplicationPolicy.Add(new Oid(ClientAuthentication));
        return chain.Build(certificate);
    }

    private static bool Matches(ClientCertificateCaller rule, X509Certificate2 certificate)
    {
        if (!rule.HasMatcher)
        {
            return false;
        }

        if (!string.IsNullOrEmpty(rule.Subject) && !string.Equals(rule.Subject, certificate.Subject, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        if (!string.IsNullOrEmpty(rule.CommonName) && rule.CommonName != certificate.GetNameInfo(X509NameType.SimpleName, false))
        {
            return false;
        }

        return string.IsNullOrEmpty(rule.DnsName) || DnsNames(certificate).Contains(rule.DnsName, StringComparer.OrdinalIgnoreCase);
    }

    private static IEnumerable<string> DnsNames(X509Certificate2 certificate) =>
        certificate.Extensions.OfType<X509SubjectAlternativeNameExtension>().SelectMany(san => san.EnumerateDnsNames());

    private static X509Certificate2Collection LoadIssuers(IEnumerable<string> paths)
    {
        var issuers = new X509Certificate2Collection();
        foreach (var path in paths)
        {
            issuers.ImportFromPemFile(path);
        }

        return issuers;
    }
}

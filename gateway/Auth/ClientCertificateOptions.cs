namespace CredIr.Gateway.Auth;

/// <summary>
/// Section "Gateway:Auth:ClientCertificates": client certificates (mTLS on the gateway's https://
/// ports) as a way to authenticate beside bearer tokens, for machines such as SOAR platforms.
/// </summary>
public sealed class ClientCertificateOptions
{
    public const string SectionName = "Gateway:Auth:ClientCertificates";

    /// <summary>Ask TLS clients for a certificate (optional for them: bearer tokens keep working).</summary>
    public bool Enabled { get; set; }

    /// <summary>PEM files of the certificate authorities whose client certificates are accepted (not the machine's roots).</summary>
    public List<string> TrustedIssuers { get; init; } = [];

    /// <summary>Check revocation (CRL/OCSP) online; off by default, as private CAs often publish none.</summary>
    public bool CheckRevocation { get; set; }

    /// <summary>Who each certificate is and what it may do; a trusted certificate matching no entry is refused.</summary>
    public List<ClientCertificateCaller> Callers { get; init; } = [];
}

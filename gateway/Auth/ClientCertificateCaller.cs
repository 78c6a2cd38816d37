namespace CredIr.Gateway.Auth;

/// <summary>
/// One mapping from certificates to a caller: every matcher given must match (at least one is).
/// The caller is <see cref="Caller"/>, else the certificate's common name.
/// </summary>
public sealed class ClientCertificateCaller
{
    /// <summary>The whole subject as .NET prints it ("CN=soar-1, O=Example"), compared ignoring case.</summary>
    public string? Subject { get; set; }

    /// <summary>The subject's common name (CN).</summary>
    public string? CommonName { get; set; }

    /// <summary>A DNS name among the subject alternative names.</summary>
    public string? DnsName { get; set; }

    /// <summary>The caller's name in approvals, the audit log and rate limiting.</summary>
    public string? Caller { get; set; }

    /// <summary>viewer, responder, approver.</summary>
    public List<string> Roles { get; init; } = [];

    internal bool HasMatcher => !string.IsNullOrEmpty(Subject) || !string.IsNullOrEmpty(CommonName) || !string.IsNullOrEmpty(DnsName);
}

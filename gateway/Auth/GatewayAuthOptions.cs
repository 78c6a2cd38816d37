namespace CredIr.Gateway.Auth;

/// <summary>Section "Gateway:Auth": how callers are authenticated and where their roles come from.</summary>
public sealed class GatewayAuthOptions
{
    public const string SectionName = "Gateway:Auth";

    public string Issuer { get; set; } = string.Empty;

    public string Audience { get; set; } = string.Empty;

    /// <summary>HMAC-SHA256 key (at least 32 bytes of UTF-8) for HS256 tokens.</summary>
    public string SigningKey { get; set; } = string.Empty;

    /// <summary>A JWKS file with the RSA public keys of RS256 tokens.</summary>
    public string JwksPath { get; set; } = string.Empty;

    /// <summary>The claim holding roles; "roles" and "role" are both read when left at the default.</summary>
    public string RoleClaim { get; set; } = "roles";

    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Every call runs as <see cref="DevelopmentCaller"/> with all roles; loopback addresses only.</summary>
    public bool DevelopmentMode { get; set; }

    public string DevelopmentCaller { get; set; } = "developer";

    /// <summary>Client certificates (mTLS) beside bearer tokens; off by default.</summary>
    public ClientCertificateOptions ClientCertificates { get; init; } = new();
}

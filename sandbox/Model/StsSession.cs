namespace CredIr.Sandbox.Model;

/// <summary>Temporary credentials (ASIA) from AssumeRole, GetSessionToken or GetFederationToken.</summary>
internal sealed record StsSession
{
    public required string AccessKeyId { get; init; }
    public required string Secret { get; init; }
    public required string Token { get; init; }
    public required SessionKind Kind { get; init; }
    public required string AccountId { get; init; }
    public required DateTimeOffset Issued { get; init; }
    public required DateTimeOffset Expiration { get; init; }
    /// <summary>Role name (AssumedRole) or user name (SessionToken, Federated issuer).</summary>
    public required string IssuerName { get; init; }
    public string SessionName { get; init; } = "";
    public bool MfaAuthenticated { get; init; }
    /// <summary>GetFederationToken's inline session policy, intersected with the issuer's.</summary>
    public string? SessionPolicy { get; init; }
}

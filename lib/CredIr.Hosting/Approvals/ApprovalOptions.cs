namespace CredIr.Hosting.Approvals;

/// <summary>
/// The keys behind plan seals and approval tokens (section "Approvals", docs/adr/0007). Seals: <see cref="Key"/>, the
/// same in every process that plans and executes one phase. Tokens: the coordinator signs with <see cref="SigningKey"/>
/// (ECDSA P-256); a phase service hosted apart verifies with <see cref="PublicKey"/> only. Without them, the
/// coordinator's store keeps generated keys (<c>credir serve</c>), and a phase service hosted alone keeps its own in
/// <see cref="DataFolder"/>, so it executes nothing a coordinator elsewhere approved until given that coordinator's public key.
/// </summary>
public sealed class ApprovalOptions
{
    public const string SectionName = "Approvals";

    /// <summary>The seal key, base64 of at least 32 random bytes; from the environment (Approvals__Key), never the command line.</summary>
    public string? Key { get; set; }

    /// <summary>A file holding the seal key in base64 (a mounted secret).</summary>
    public string? KeyFile { get; set; }

    /// <summary>The coordinator's signing key: an ECDSA P-256 private key, PEM or base64 of PKCS#8; from the environment (Approvals__SigningKey).</summary>
    public string? SigningKey { get; set; }

    /// <summary>A file holding the signing key (PEM, e.g. from <c>openssl ecparam -name prime256v1 -genkey -noout</c>).</summary>
    public string? SigningKeyFile { get; set; }

    /// <summary>The coordinator's public key that approval tokens are checked with: PEM or base64 of SubjectPublicKeyInfo. Not a secret.</summary>
    public string? PublicKey { get; set; }

    /// <summary>A file holding the public key (PEM, e.g. from <c>openssl ec -pubout</c>).</summary>
    public string? PublicKeyFile { get; set; }

    /// <summary>
    /// Where a phase service hosted alone keeps its generated keys and the ids of used tokens (approvals.db, SQLite), so a
    /// token used before a restart is refused after it. Default: the working directory. The coordinator uses its incident store.
    /// </summary>
    public string DataFolder { get; set; } = ".";

    /// <summary>How long a token the coordinator mints for one call stays usable. It is minted just before the call.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(5);

    // A secret must never reach logs or exceptions through ToString.
    public override string ToString() =>
        $"Approvals(Key: {Set(Key)}, KeyFile: {KeyFile ?? "unset"}, SigningKey: {Set(SigningKey)}, SigningKeyFile: {SigningKeyFile ?? "unset"}, PublicKey: {Set(PublicKey)}, PublicKeyFile: {PublicKeyFile ?? "unset"}, DataFolder: {DataFolder}, TokenLifetime: {TokenLifetime})";

    private static string Set(string? value) => string.IsNullOrEmpty(value) ? "unset" : "set";
}

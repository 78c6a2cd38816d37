namespace CredIr.Hosting.Approvals;

/// <summary>
/// The key behind plan seals and approval tokens (section "Approvals", docs/adr/0006). Every process of one
/// deployment (the coordinator and each phase service hosted apart) needs the same key. Without one, the
/// coordinator's store keeps a generated key (<c>credir serve</c>), or a phase service hosted alone makes a
/// key for its own lifetime, so it executes nothing a coordinator elsewhere approved.
/// </summary>
public sealed class ApprovalOptions
{
    public const string SectionName = "Approvals";

    /// <summary>The key, base64 of at least 32 random bytes; from the environment (Approvals__Key), never the command line.</summary>
    public string? Key { get; set; }

    /// <summary>A file holding the key in base64 (a mounted secret).</summary>
    public string? KeyFile { get; set; }

    /// <summary>How long a token the coordinator mints for one call stays usable. It is minted just before the call.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(5);

    // A secret must never reach logs or exceptions through ToString.
    public override string ToString() => $"Approvals(Key: {(string.IsNullOrEmpty(Key) ? "unset" : "set")}, KeyFile: {KeyFile ?? "unset"}, TokenLifetime: {TokenLifetime})";
}

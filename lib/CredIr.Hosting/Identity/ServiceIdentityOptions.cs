namespace CredIr.Hosting.Identity;

/// <summary>
/// How services prove to each other who calls (section "ServiceIdentity"): a key shared by the processes of one
/// deployment, with which a caller signs a short-lived token for one audience (the called service). With a key,
/// a phase service answers only a caller it can identify.
/// </summary>
public sealed class ServiceIdentityOptions
{
    public const string SectionName = "ServiceIdentity";

    /// <summary>Base64 of at least 32 random bytes; from the environment (ServiceIdentity__Key), never a command line.</summary>
    public string? Key { get; set; }

    /// <summary>A file holding the key in base64 (a mounted secret).</summary>
    public string? KeyFile { get; set; }

    /// <summary>How long a token is accepted after it was issued. Tokens are minted per call, so this only covers clock skew and transit.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromMinutes(2);

    // A secret must never reach logs or exceptions through ToString.
    public override string ToString() => $"ServiceIdentity(Key: {(string.IsNullOrEmpty(Key) ? "unset" : "set")}, KeyFile: {KeyFile ?? "unset"}, TokenLifetime: {TokenLifetime})";
}

namespace CredIr.Sandbox.Model;

/// <summary>
/// A credential of a user other than its access keys and password: a signing certificate, an SSH public key (CodeCommit)
/// or a service-specific credential (CodeCommit, Keyspaces). <see cref="Detail"/> is the certificate or key body, or the service name.
/// </summary>
internal sealed class UserCredential(string id, string detail, DateTimeOffset created)
{
    public string Id { get; } = id;
    public string Detail { get; } = detail;
    public DateTimeOffset Created { get; } = created;
    public string Status { get; set; } = "Active";
    /// <summary>For a service-specific credential: the user name the service knows (user-at-account).</summary>
    public string? ServiceUserName { get; init; }
}

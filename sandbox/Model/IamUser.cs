namespace CredIr.Sandbox.Model;

internal sealed class IamUser(string name, string id, string arn, string path, DateTimeOffset created)
    : PolicyHolder(name, id, arn, path, created)
{
    public List<AccessKey> AccessKeys { get; } = [];
    public LoginProfile? LoginProfile { get; set; }
    public SortedSet<string> Groups { get; } = new(StringComparer.Ordinal);
    public List<string> MfaDevices { get; } = [];
    public DateTimeOffset? PasswordLastUsed { get; set; }
    public List<UserCredential> SigningCertificates { get; } = [];
    public List<UserCredential> SshPublicKeys { get; } = [];
    public List<UserCredential> ServiceSpecificCredentials { get; } = [];
}

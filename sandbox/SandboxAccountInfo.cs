namespace CredIr.Sandbox;

/// <summary>An account of the sandbox's organization and its administrator's key pair.</summary>
public sealed record SandboxAccountInfo(string AccountId, string Name, string AdminAccessKeyId, string AdminSecretAccessKey)
{
    public SandboxCredentials AdminCredentials => new(AdminAccessKeyId, AdminSecretAccessKey);

    public override string ToString() => $"SandboxAccountInfo {{ AccountId = {AccountId}, Name = {Name}, AdminAccessKeyId = {AdminAccessKeyId} }}";
}

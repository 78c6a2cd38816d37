namespace CredIr.Sandbox;

/// <summary>A key pair (and session token for ASIA keys) a test or scenario step acts with.</summary>
public sealed record SandboxCredentials(string AccessKeyId, string SecretAccessKey, string? SessionToken = null)
{
    // Records print every member; secrets must never reach logs or assertion messages.
    public override string ToString() => $"SandboxCredentials {{ AccessKeyId = {AccessKeyId} }}";
}

namespace CredIr.Sandbox;

/// <summary>A scenario's user or role; users carry their access keys so tests can act as them.</summary>
public sealed record SandboxPrincipalInfo(string Name, string AccountId, string Arn, string Type, IReadOnlyList<SandboxCredentials> AccessKeys)
{
    /// <summary>The first key pair (what a test usually acts with).</summary>
    public SandboxCredentials? Credentials => AccessKeys.Count > 0 ? AccessKeys[0] : null;
}

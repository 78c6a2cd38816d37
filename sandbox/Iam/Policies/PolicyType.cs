namespace CredIr.Sandbox.Iam.Policies;

/// <summary>The kind of policy that decided a request; AWS names it in AccessDenied messages.</summary>
public enum PolicyType
{
    IdentityBased,
    ResourceBased,
    PermissionsBoundary,
    SessionPolicy,
    ServiceControlPolicy,

    /// <summary>A role's trust policy (AWS's AccessDenied for AssumeRole names no policy type).</summary>
    TrustPolicy,
}

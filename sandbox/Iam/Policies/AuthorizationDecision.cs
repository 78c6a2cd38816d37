namespace CredIr.Sandbox.Iam.Policies;

public enum AuthorizationDecision
{
    Allow,

    /// <summary>A Deny statement matched: nothing can override it.</summary>
    ExplicitDeny,

    /// <summary>No statement allowed the request (or a boundary, session policy or SCP did not).</summary>
    ImplicitDeny,
}

namespace CredIr.Sandbox.Iam.Policies;

/// <summary>
/// Everything IAM weighs to authorize one API call.
/// </summary>
/// <param name="Principal">The caller.</param>
/// <param name="Action">"service:Operation", e.g. iam:CreateUser (matched case-insensitively).</param>
/// <param name="Resource">The resource ARN (or "*" for actions without a resource), e.g. arn:aws:iam::111122223333:user/bob.</param>
public sealed record AuthorizationRequest(RequestPrincipal Principal, string Action, string Resource)
{
    /// <summary>Condition keys of the request (see <see cref="RequestContextBuilder"/>).</summary>
    public RequestContext Context { get; init; } = RequestContext.Empty;

    /// <summary>
    /// The caller's identity policies: for a user its inline and attached managed policies and those of its
    /// groups; for a role session the role's. Empty for the root user (it needs none) and for services.
    /// </summary>
    public IReadOnlyList<NamedPolicy> IdentityPolicies { get; init; } = [];

    /// <summary>The user's or role's permissions boundary, if it has one: it caps, never grants.</summary>
    public NamedPolicy? PermissionsBoundary { get; init; }

    /// <summary>
    /// Session policies (the Policy / PolicyArns of AssumeRole or GetFederationToken): null when the session
    /// has none. An empty list is a session whose policies allow nothing, which is what GetFederationToken
    /// without a Policy gives.
    /// </summary>
    public IReadOnlyList<NamedPolicy>? SessionPolicies { get; init; }

    /// <summary>The resource-based policy of the target (bucket policy ...), or a role's trust policy for AssumeRole.</summary>
    public NamedPolicy? ResourcePolicy { get; init; }

    /// <summary>The account owning the resource; defaults to the ARN's account part, else the caller's account.</summary>
    public string? ResourceAccountId { get; init; }

    /// <summary>
    /// The service control policies applying to the caller's account, or null when none apply (no organization,
    /// or the management account, which SCPs never restrict). When given, one of them must allow the action.
    /// </summary>
    public IReadOnlyList<NamedPolicy>? ServiceControlPolicies { get; init; }
}

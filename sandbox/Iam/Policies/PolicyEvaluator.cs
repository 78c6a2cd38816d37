using CredIr.Sandbox.Iam.Policies.Internal;

namespace CredIr.Sandbox.Iam.Policies;

/// <summary>
/// IAM's policy evaluation logic for one request: an explicit Deny in any applicable policy wins; then
/// SCPs must allow; then an Allow from an identity policy or a resource policy (within the account;
/// across accounts both), capped by the permissions boundary and the session policies; otherwise an
/// implicit deny. The root user of the resource's account is allowed anything no SCP or Deny forbids.
/// Stateless and thread-safe; documents are parsed beforehand, so a call allocates little.
/// </summary>
public static class PolicyEvaluator
{
    /// <summary>
    /// Authorizes an ordinary API call (the resource policy, if any, is optional within an account).
    /// sts:GetCallerIdentity and sts:GetSessionToken are always allowed: AWS lets no policy control them.
    /// </summary>
    public static AuthorizationResult Evaluate(AuthorizationRequest request) =>
        IsExemptFromPolicies(request.Action) ? new AuthorizationResult(AuthorizationDecision.Allow) : Evaluate(request, trust: false);

    /// <summary>
    /// Whether AWS authorizes <paramref name="action"/> without consulting any policy, even an explicit deny:
    /// sts:GetCallerIdentity and sts:GetSessionToken ("you cannot use policies to control authentication operations").
    /// </summary>
    public static bool IsExemptFromPolicies(string action) =>
        string.Equals(action, "sts:GetCallerIdentity", StringComparison.OrdinalIgnoreCase)
        || string.Equals(action, "sts:GetSessionToken", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Authorizes sts:AssumeRole (or AssumeRoleWithSAML / AssumeRoleWithWebIdentity / sts:TagSession) with
    /// <see cref="AuthorizationRequest.ResourcePolicy"/> set to the role's trust policy and
    /// <see cref="AuthorizationRequest.Resource"/> to the role ARN. Unlike an ordinary resource policy the
    /// trust policy must always allow; when it names the caller's account root, or the caller is in another
    /// account, the caller's identity policies must also allow sts:AssumeRole on the role, which this method
    /// checks from <see cref="AuthorizationRequest.IdentityPolicies"/>. Explicit denies in the caller's
    /// policies apply as for any call. A root user may never assume a role.
    /// </summary>
    public static AuthorizationResult EvaluateAssumeRole(AuthorizationRequest request)
    {
        if (request.ResourcePolicy is null)
        {
            throw new ArgumentException("AssumeRole needs the role's trust policy as the request's ResourcePolicy.", nameof(request));
        }

        // AWS refuses every AssumeRole by a root user, whatever the trust policy says.
        return request.Principal.Type == PrincipalType.Root
            ? new AuthorizationResult(AuthorizationDecision.ImplicitDeny, PolicyType.TrustPolicy)
            : Evaluate(request, trust: true);
    }

    private static AuthorizationResult Evaluate(AuthorizationRequest request, bool trust)
    {
        var caller = request.Principal;
        var resourcePolicyType = trust ? PolicyType.TrustPolicy : PolicyType.ResourceBased;
        if (FindExplicitDeny(request, resourcePolicyType) is { } denied)
        {
            return denied;
        }

        if (request.ServiceControlPolicies is { } scps && Find(scps, PolicyEffect.Allow, request) is null)
        {
            return new AuthorizationResult(AuthorizationDecision.ImplicitDeny, PolicyType.ServiceControlPolicy);
        }

        var grant = request.ResourcePolicy is { } resourcePolicy ? Find(resourcePolicy, PolicyEffect.Allow, request) : null;
        if (trust && grant is null)
        {
            return new AuthorizationResult(AuthorizationDecision.ImplicitDeny, PolicyType.TrustPolicy);
        }

        // Services and identity providers have no identity policies of their own: the grant alone decides.
        if (caller.Type is PrincipalType.Service or PrincipalType.WebIdentity or PrincipalType.Saml)
        {
            return grant is { } g ? Allowed(g, resourcePolicyType) : new AuthorizationResult(AuthorizationDecision.ImplicitDeny, resourcePolicyType);
        }

        var sameAccount = caller.AccountId == ResourceAccount(request);
        if (sameAccount && grant is { Match: PrincipalMatch.Principal or PrincipalMatch.Everyone } direct)
        {
            // Naming the user or session itself in the resource's account needs no identity policy and
            // is not capped by a boundary or session policy (IAM's documented exception).
            return Allowed(direct, resourcePolicyType);
        }

        if (caller.Type == PrincipalType.Root && (sameAccount || grant is not null))
        {
            return grant is { } g ? Allowed(g, resourcePolicyType) : new AuthorizationResult(AuthorizationDecision.Allow);
        }

        if (!sameAccount && grant is null)
        {
            return new AuthorizationResult(AuthorizationDecision.ImplicitDeny, resourcePolicyType);
        }

        var identity = Find(request.IdentityPolicies, PolicyEffect.Allow, request);

        var roleGrant = sameAccount && grant is { Match: PrincipalMatch.Role };
        if (identity is null && !roleGrant)
        {
            return new AuthorizationResult(AuthorizationDecision.ImplicitDeny, PolicyType.IdentityBased);
        }

        if (request.PermissionsBoundary is { } boundary && Find(boundary, PolicyEffect.Allow, request) is null)
        {
            return new AuthorizationResult(AuthorizationDecision.ImplicitDeny, PolicyType.PermissionsBoundary);
        }

        if (request.SessionPolicies is { } sessionPolicies && Find(sessionPolicies, PolicyEffect.Allow, request) is null)
        {
            return new AuthorizationResult(AuthorizationDecision.ImplicitDeny, PolicyType.SessionPolicy);
        }

        return identity is { } allowedBy ? Allowed(allowedBy, PolicyType.IdentityBased) : Allowed(grant!.Value, resourcePolicyType);
    }

    private static AuthorizationResult? FindExplicitDeny(AuthorizationRequest request, PolicyType resourcePolicyType)
    {
        if (request.ServiceControlPolicies is { } scps && Find(scps, PolicyEffect.Deny, request) is { } scp)
        {
            return Denied(scp, PolicyType.ServiceControlPolicy);
        }

        if (request.ResourcePolicy is { } resourcePolicy && Find(resourcePolicy, PolicyEffect.Deny, request) is { } resource)
        {
            return Denied(resource, resourcePolicyType);
        }

        if (Find(request.IdentityPolicies, PolicyEffect.Deny, request) is { } identity)
        {
            return Denied(identity, PolicyType.IdentityBased);
        }

        if (request.PermissionsBoundary is { } boundary && Find(boundary, PolicyEffect.Deny, request) is { } capped)
        {
            return Denied(capped, PolicyType.PermissionsBoundary);
        }

        if (request.SessionPolicies is { } sessionPolicies && Find(sessionPolicies, PolicyEffect.Deny, request) is { } session)
        {
            return Denied(session, PolicyType.SessionPolicy);
        }

        return null;
    }

    private static string ResourceAccount(AuthorizationRequest request)
    {
        if (request.ResourceAccountId is { } explicitAccount)
        {
            return explicitAccount;
        }

        // arn:partition:service:region:account:resource; S3 bucket ARNs leave the account empty.
        var parts = request.Resource.Split(':', 6);
        return parts.Length == 6 && parts[0] == "arn" && parts[4].Length > 0 ? parts[4] : request.Principal.AccountId;
    }

    private static StatementHit? Find(IReadOnlyList<NamedPolicy> policies, PolicyEffect effect, AuthorizationRequest request) =>
        PolicyScan.Find(policies, effect, request.Principal, request.Action, request.Resource, request.Context);

    private static StatementHit? Find(NamedPolicy policy, PolicyEffect effect, AuthorizationRequest request) =>
        PolicyScan.Find(policy, effect, request.Principal, request.Action, request.Resource, request.Context);

    private static AuthorizationResult Allowed(StatementHit hit, PolicyType type) =>
        new(AuthorizationDecision.Allow, type, hit.Policy.Name, hit.Statement.Sid);

    private static AuthorizationResult Denied(StatementHit hit, PolicyType type) =>
        new(AuthorizationDecision.ExplicitDeny, type, hit.Policy.Name, hit.Statement.Sid);
}

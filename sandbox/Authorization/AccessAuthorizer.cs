using System.Collections.Concurrent;
using CredIr.Sandbox.Auth;
using CredIr.Sandbox.Iam.Policies;
using CredIr.Sandbox.Model;

namespace CredIr.Sandbox.Authorization;

/// <summary>
/// The seam to the IAM policy evaluator (sandbox/Iam/Policies): gathers the policies that apply to
/// a caller and the request context keys, and asks.
/// </summary>
internal sealed class AccessAuthorizer(SandboxState state)
{
    private readonly ConcurrentDictionary<(string Text, PolicyDocumentKind Kind), NamedPolicy> _parsed = new();

    public AuthorizationResult Decide(Caller caller, string action, string resource, string sourceIp, string region) =>
        PolicyEvaluator.Evaluate(Request(caller, action, resource, sourceIp, region));

    public AuthorizationRequest Request(Caller caller, string action, string resource, string sourceIp, string region, string? trustPolicy = null,
        IReadOnlyDictionary<string, string>? extraContext = null)
    {
        IReadOnlyList<NamedPolicy> identity;
        NamedPolicy? boundary;
        lock (state.Gate)
        {
            identity = PoliciesOf(caller);
            boundary = BoundaryOf(caller);
        }

        return new AuthorizationRequest(Principal(caller), action, resource)
        {
            Context = Context(caller, sourceIp, region, extraContext),
            IdentityPolicies = identity,
            PermissionsBoundary = boundary,
            ResourcePolicy = trustPolicy is null ? null : Parse("trust policy", trustPolicy, PolicyDocumentKind.Trust),
            // A federation token's rights are the intersection of the issuer's and the session policy (none without one).
            SessionPolicies = caller.Type == CallerType.FederatedUser
                ? caller.Session?.SessionPolicy is { } p ? [Parse("session policy", p, PolicyDocumentKind.Identity)] : []
                : null,
        };
    }

    public static RequestPrincipal Principal(Caller caller) => caller.Type switch
    {
        CallerType.Root => new RequestPrincipal(caller.Arn, caller.AccountId, PrincipalType.Root),
        CallerType.AssumedRole => new RequestPrincipal(caller.Arn, caller.AccountId, PrincipalType.AssumedRole, $"arn:{SandboxPartition.NameOf(caller.Arn)}:iam::{caller.AccountId}:role/{caller.IdentityName}"),
        CallerType.FederatedUser => new RequestPrincipal(caller.Arn, caller.AccountId, PrincipalType.FederatedUser),
        _ => new RequestPrincipal(caller.Arn, caller.AccountId, PrincipalType.User),
    };

    public NamedPolicy Parse(string name, string document, PolicyDocumentKind kind) =>
        _parsed.GetOrAdd((document, kind), static (key, n) => NamedPolicy.Parse(n, key.Text, key.Kind), name);

    private RequestContext Context(Caller caller, string sourceIp, string region, IReadOnlyDictionary<string, string>? extra)
    {
        var builder = new RequestContextBuilder()
            .SetTime(state.Clock.GetUtcNow())
            .SetPrincipal(Principal(caller), caller.PrincipalId)
            .Set(ContextKeys.SourceIp, sourceIp)
            .Set(ContextKeys.RequestedRegion, region)
            .SetBool(ContextKeys.SecureTransport, false);
        if (caller.Session is { } session)
        {
            builder.SetDate(ContextKeys.TokenIssueTime, session.Issued).SetBool(ContextKeys.MultiFactorAuthPresent, session.MfaAuthenticated);
        }

        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            builder.Set(key, value);
        }

        return builder.Build();
    }

    private List<NamedPolicy> PoliciesOf(Caller caller)
    {
        var policies = new List<NamedPolicy>();
        var account = state.FindAccount(caller.AccountId);
        PolicyHolder? holder = account is null ? null
            : caller.Type == CallerType.AssumedRole ? account.Roles.GetValueOrDefault(caller.IdentityName ?? "")
            : account.Users.GetValueOrDefault(caller.IdentityName ?? "");
        if (account is null || holder is null)
        {
            return policies;
        }

        Collect(account, holder, policies);
        if (holder is IamUser user)
        {
            foreach (var groupName in user.Groups)
            {
                if (account.Groups.TryGetValue(groupName, out var group))
                {
                    Collect(account, group, policies);
                }
            }
        }

        return policies;
    }

    private NamedPolicy? BoundaryOf(Caller caller)
    {
        var account = state.FindAccount(caller.AccountId);
        PolicyHolder? holder = account is null ? null
            : caller.Type == CallerType.AssumedRole ? account.Roles.GetValueOrDefault(caller.IdentityName ?? "")
            : caller.Type == CallerType.IAMUser ? account.Users.GetValueOrDefault(caller.IdentityName ?? "")
            : null;
        return account is not null && holder?.PermissionsBoundary is { } arn && state.FindPolicy(account, arn) is { } policy
            ? Parse(policy.Name, policy.Default.Document, PolicyDocumentKind.Identity)
            : null;
    }

    private void Collect(Account account, PolicyHolder holder, List<NamedPolicy> policies)
    {
        foreach (var (name, document) in holder.InlinePolicies)
        {
            policies.Add(Parse(name, document, PolicyDocumentKind.Identity));
        }

        foreach (var arn in holder.AttachedPolicyArns)
        {
            if (state.FindPolicy(account, arn) is { } policy)
            {
                policies.Add(Parse(policy.Name, policy.Default.Document, PolicyDocumentKind.Identity));
            }
        }
    }
}

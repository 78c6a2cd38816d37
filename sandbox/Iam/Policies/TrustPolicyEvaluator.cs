using CredIr.Sandbox.Iam.Policies.Internal;

namespace CredIr.Sandbox.Iam.Policies;

/// <summary>
/// Checks a role's trust policy alone: may <c>caller</c> perform sts:AssumeRole (or AssumeRoleWithSAML,
/// AssumeRoleWithWebIdentity, sts:TagSession, sts:SetSourceIdentity) on the role? A trust policy naming
/// <c>arn:aws:iam::ACCOUNT:root</c> trusts the whole account but only through its identity policies, so
/// when <see cref="TrustResult.IdentityPolicyRequired"/> is true the sandbox must also evaluate the caller's
/// identity policies for sts:AssumeRole on the role ARN, or simply call
/// <see cref="PolicyEvaluator.EvaluateAssumeRole"/>, which does both.
/// </summary>
public static class TrustPolicyEvaluator
{
    public static TrustResult Evaluate(
        PolicyDocument trustPolicy, RequestPrincipal caller, string action, string roleArn, RequestContext context)
    {
        var policy = new NamedPolicy("trust policy", trustPolicy);
        if (PolicyScan.Find(policy, PolicyEffect.Deny, caller, action, roleArn, context) is { } denied)
        {
            return new TrustResult(AuthorizationDecision.ExplicitDeny, false, denied.Statement.Sid);
        }

        if (PolicyScan.Find(policy, PolicyEffect.Allow, caller, action, roleArn, context) is not { } allowed)
        {
            return new TrustResult(AuthorizationDecision.ImplicitDeny, false, null);
        }

        var roleAccount = roleArn.Split(':', 6) is { Length: 6 } parts ? parts[4] : caller.AccountId;
        var delegated = caller.Type is not (PrincipalType.Service or PrincipalType.WebIdentity or PrincipalType.Saml)
            && (caller.AccountId != roleAccount || allowed.Match == PrincipalMatch.Account);
        return new TrustResult(AuthorizationDecision.Allow, delegated, allowed.Statement.Sid);
    }
}

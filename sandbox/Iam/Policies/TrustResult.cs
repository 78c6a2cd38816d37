namespace CredIr.Sandbox.Iam.Policies;

/// <summary>
/// What a role's trust policy says about one caller.
/// </summary>
/// <param name="Decision">Allow when an Allow statement names the caller and its conditions hold and no Deny applies.</param>
/// <param name="IdentityPolicyRequired">
/// True when the trust only delegates: it names the caller's account root, or the caller is in another account.
/// The caller's own identity policies must then allow sts:AssumeRole on the role as well
/// (<see cref="PolicyEvaluator.EvaluateAssumeRole"/> does both checks).
/// </param>
/// <param name="StatementSid">The Sid of the deciding statement, for diagnostics.</param>
public sealed record TrustResult(AuthorizationDecision Decision, bool IdentityPolicyRequired, string? StatementSid)
{
    public bool IsAllowed => Decision == AuthorizationDecision.Allow;
}

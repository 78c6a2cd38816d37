namespace CredIr.Sandbox.Iam.Policies;

/// <summary>
/// The decision and what made it: for an explicit deny the policy and statement that denied; for an implicit
/// deny the kind of policy that failed to allow (no policy name); for an allow the granting statement
/// (none for the root user).
/// </summary>
public sealed record AuthorizationResult(
    AuthorizationDecision Decision, PolicyType? PolicyType = null, string? PolicyName = null, string? StatementSid = null)
{
    public bool IsAllowed => Decision == AuthorizationDecision.Allow;
}

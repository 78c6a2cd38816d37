namespace CredIr.Playbook.Trail;

/// <summary>The principal a temporary session was issued from (userIdentity.sessionContext.sessionIssuer).</summary>
public sealed record SessionIssuer(string? Type, string? Arn, string? UserName, string? AccountId, string? PrincipalId);

namespace CredIr.Playbook.Trail;

/// <summary>userIdentity.sessionContext: where a temporary session came from and when it was made.</summary>
public sealed record SessionContext(SessionIssuer? Issuer, DateTimeOffset? CreationDate, bool? MfaAuthenticated);

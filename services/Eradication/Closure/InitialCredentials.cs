using CredIr.Playbook.Extraction;

namespace CredIr.Eradication.Closure;

/// <summary>The credentials a responder gives: followed by key id, or by principal when there is no key.</summary>
public static class InitialCredentials
{
    public static DerivedCredential AccessKey(string accessKeyId, DateTimeOffset since, string? principalArn = null, string? accountId = null) => new()
    {
        Kind = accessKeyId.StartsWith("ASIA", StringComparison.Ordinal) ? CredentialKind.RoleSession : CredentialKind.AccessKey,
        AccessKeyId = accessKeyId,
        PrincipalArn = principalArn,
        AccountId = accountId ?? ArnParts.Account(principalArn),
        CreatedByEventId = "",
        CreatedByEventName = "",
        CreatedAt = since,
        Attributions = [Attribution.AccessKey(accessKeyId)],
        Reason = "given as compromised",
    };

    /// <summary>
    /// A principal given without a key: every call by it (a user) or every session of it (a role) counts,
    /// because the responder says the principal itself is compromised.
    /// </summary>
    public static DerivedCredential Principal(string principalArn, DateTimeOffset since) => new()
    {
        Kind = principalArn.Contains(":role/", StringComparison.Ordinal) ? CredentialKind.Role : CredentialKind.IamUser,
        PrincipalArn = principalArn,
        RoleArn = principalArn.Contains(":role/", StringComparison.Ordinal) ? principalArn : null,
        AccountId = ArnParts.Account(principalArn),
        CreatedByEventId = "",
        CreatedByEventName = "",
        CreatedAt = since,
        Attributions = [Attribution.Principal(principalArn)],
        Reason = "given as compromised",
    };
}

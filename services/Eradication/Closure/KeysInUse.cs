using CredIr.Playbook.Extraction;
using CredIr.Playbook.Trail;

namespace CredIr.Eradication.Closure;

/// <summary>
/// A credential followed by principal (the role passed to an instance or function the actor launched, a user
/// the actor created, a console password) has no key id in the record that made it: EC2 and Lambda mint the
/// session keys themselves, and no CloudTrail record shows them being issued. Containment acts on keys, so the
/// first call made with a key not yet known, under such a credential, reveals that key. It is the same
/// credential, so it keeps its owner's depth and provenance; its calls are already attributed through the
/// owner, so it needs no round of its own.
/// </summary>
internal static class KeysInUse
{
    public static TrackedCredential? Reveal(CloudTrailRecord record, TrackedCredential owner)
    {
        var identity = record.UserIdentity;
        if (identity.AccessKeyId is not { Length: > 0 } key || string.Equals(owner.Credential.AccessKeyId, key, StringComparison.Ordinal))
        {
            return null;
        }

        var made = owner.Credential;
        var assumed = identity.Type == "AssumedRole";
        var kind = identity.Type switch
        {
            "AssumedRole" => CredentialKind.RoleSession,
            "FederatedUser" => CredentialKind.FederationToken,
            _ => key.StartsWith("ASIA", StringComparison.Ordinal) ? CredentialKind.SessionToken : CredentialKind.AccessKey,
        };
        var credential = new DerivedCredential
        {
            Kind = kind,
            AccessKeyId = key,
            PrincipalArn = identity.Arn,
            UserName = identity.Type == "IAMUser" ? identity.UserName : null,
            RoleArn = assumed ? identity.SessionContext?.Issuer?.Arn : null,
            SessionName = identity.SessionName,
            AccountId = identity.AccountId ?? record.AccountId,
            CreatedByEventId = made.CreatedByEventId,
            CreatedByEventName = made.CreatedByEventName,
            CreatedAt = made.CreatedAt,
            Attributions = [Attribution.AccessKey(key)],
            Reason = $"key {key} of {identity.Arn} seen in use ({record.EventName} at {record.EventTime:O}); {made.Reason}",
        };
        return new TrackedCredential(credential, owner.Depth, owner.DerivedFrom, owner.ScanFrom, owner.Followed);
    }
}

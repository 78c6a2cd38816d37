using CredIr.Contracts.V1;

namespace CredIr.Incidents.Domain;

/// <summary>
/// What a finished plan step did to the incident's credentials: a key set Inactive or deleted, the
/// sessions of a role or user cut off by the older-sessions deny. Only steps that took effect
/// (succeeded, or found the change already made) change a status; a refused or failed step leaves
/// the credential as it was, so the incident never shows it stopped when it is not.
/// </summary>
internal static class CredentialStatuses
{
    public const string Inactive = "Inactive";
    public const string Deleted = "Deleted";
    public const string Expired = "Expired";

    // Not an IAM key status: the session still authenticates until it expires, but the deny on
    // its issuing role or user (aws:TokenIssueTime before the containment time) refuses every call.
    public const string Revoked = "Revoked";

    private const string DeactivateAccessKey = "iam:UpdateAccessKey(Inactive)";
    private const string DeleteAccessKey = "iam:DeleteAccessKey";
    private const string RoleRevokeOlderSessions = "iam:PutRolePolicy(AWSRevokeOlderSessions)";
    private const string RoleDenyAll = "iam:PutRolePolicy(DenyAll)";
    private const string UserRevokeOlderSessions = "iam:PutUserPolicy(RevokeOlderSessions)";
    private const string UserDenyAll = "iam:PutUserPolicy(DenyAll)";

    // Huawei Cloud's steps (services/Containment/HuaweiCloud, services/Eradication/HuaweiCloud).
    private const string HuaweiDeactivateAccessKey = "huawei-iam:UpdateCredential(inactive)";
    private const string HuaweiDeleteAccessKey = "huawei-iam:DeleteCredential";
    private const string HuaweiDisableUser = "huawei-iam:UpdateUser(disabled)";

    /// <summary>Applies a step's effect; returns the credentials whose status changed, as "id: old → new".</summary>
    public static IReadOnlyList<string> Apply(Incident incident, PlanStep step, StepStatus outcome)
    {
        if (outcome is not (StepStatus.Succeeded or StepStatus.AlreadyDone))
        {
            return [];
        }

        var changed = new List<string>();
        foreach (var credential in incident.Credentials)
        {
            if (StatusAfter(credential, step) is { } status && status != credential.Status)
            {
                changed.Add($"{Name(credential)}: {(credential.Status.Length > 0 ? credential.Status : "unknown")} -> {status}");
                credential.Status = status;
            }
        }

        return changed;
    }

    /// <summary>True when a key (or session) is not known to be stopped: nothing containment did took effect on it.</summary>
    public static bool IsStillUsable(Credential credential) =>
        credential.AccessKeyId.Length > 0
        && credential.Status is not (Inactive or Deleted or Expired or Revoked);

    public static string Name(Credential credential) =>
        credential.AccessKeyId.Length > 0 ? credential.AccessKeyId : credential.PrincipalArn;

    private static string? StatusAfter(Credential credential, PlanStep step)
    {
        if (credential.Status is Deleted or Expired)
        {
            return null;
        }

        return step.Action switch
        {
            DeactivateAccessKey or HuaweiDeactivateAccessKey when SameKey(credential, step) => credential.Status == Deleted ? null : Inactive,
            DeleteAccessKey or HuaweiDeleteAccessKey when SameKey(credential, step) => Deleted,
            // Huawei Cloud: the user who obtained a temporary AK disabled; the gateway refuses that AK from then on.
            HuaweiDisableUser when IsTemporary(credential) && SameKey(credential, step) => Revoked,
            RoleRevokeOlderSessions or RoleDenyAll when IsTemporary(credential) && Owns(step, AccountOf(credential), RoleOf(credential)) => Revoked,
            UserRevokeOlderSessions or UserDenyAll when IsTemporary(credential) && credential.RoleName.Length == 0
                && Owns(step, AccountOf(credential), credential.UserName) => Revoked,
            _ => null,
        };
    }

    private static bool SameKey(Credential credential, PlanStep step) =>
        credential.AccessKeyId.Length > 0
        && (credential.AccessKeyId == step.AccessKeyId || (step.Target?.Type == "AWS::IAM::AccessKey" && step.Target.Id == credential.AccessKeyId));

    private static bool Owns(PlanStep step, string accountId, string principalName) =>
        principalName.Length > 0 && step.Target is { } target && target.Id == principalName
        && (accountId.Length == 0 || target.AccountId.Length == 0 || target.AccountId == accountId);

    private static bool IsSession(CredentialKind kind) =>
        kind is CredentialKind.RoleSession or CredentialKind.SessionToken or CredentialKind.FederationToken;

    private static bool IsTemporary(Credential credential) =>
        IsSession(credential.Kind) || (credential.Kind == CredentialKind.Unspecified && credential.AccessKeyId.StartsWith("ASIA", StringComparison.Ordinal));

    // arn:aws:sts::ACCOUNT:assumed-role/ROLE/SESSION or arn:aws:iam::ACCOUNT:role/PATH/ROLE.
    private static string RoleOf(Credential credential)
    {
        if (credential.RoleName.Length > 0)
        {
            return credential.RoleName;
        }

        var resource = Resource(credential.PrincipalArn);
        var parts = resource.Split('/');
        return parts.Length switch
        {
            >= 3 when parts[0] == "assumed-role" => parts[1],
            >= 2 when parts[0] == "role" => parts[^1],
            _ => string.Empty,
        };
    }

    private static string AccountOf(Credential credential)
    {
        if (credential.AccountId.Length > 0)
        {
            return credential.AccountId;
        }

        var parts = credential.PrincipalArn.Split(':', 6);
        return parts.Length == 6 ? parts[4] : string.Empty;
    }

    private static string Resource(string arn)
    {
        var parts = arn.Split(':', 6);
        return parts.Length == 6 ? parts[5] : string.Empty;
    }
}

using System.Text.Json;
using CredIr.Playbook.Trail;

namespace CredIr.Playbook.Extraction;

/// <summary>
/// The credentials a successful record created or revealed: new keys and sessions (followed by
/// their exact key id), users and passwords (followed by principal), roles passed to compute the
/// actor launched (followed by the session the resource names), and planted trusts.
/// </summary>
public static class CredentialExtractor
{
    public static IReadOnlyList<DerivedCredential> Extract(CloudTrailRecord record)
    {
        if (record.Failed)
        {
            return [];
        }

        if (HuaweiCloud.HuaweiCredentialExtractor.IsHuawei(record))
        {
            return HuaweiCloud.HuaweiCredentialExtractor.Extract(record);
        }

        var request = record.RequestParameters ?? default;
        var response = record.ResponseElements ?? default;
        var account = record.AccountId;
        var partition = ArnParts.Partition(record.UserIdentity.Arn);
        var found = new List<DerivedCredential>();

        switch (record.EventSource, record.EventName)
        {
            case ("iam.amazonaws.com", "CreateAccessKey"):
                if (JsonFields.ObjectAt(response, "accessKey") is { } accessKey && JsonFields.StringAt(accessKey, "accessKeyId") is { } keyId)
                {
                    var user = JsonFields.StringAt(accessKey, "userName") ?? JsonFields.StringAt(request, "userName") ?? record.UserIdentity.UserName;
                    found.Add(Key(record, CredentialKind.AccessKey, keyId, UserArn(partition, account, user), account,
                        $"access key {keyId} created for IAM user {user}") with { UserName = user });
                }

                break;
            case ("sts.amazonaws.com", "AssumeRole" or "AssumeRoleWithSAML" or "AssumeRoleWithWebIdentity"):
                if (Issued(response) is { } roleKey)
                {
                    var roleArn = JsonFields.StringAt(request, "roleArn");
                    var assumed = JsonFields.ObjectAt(response, "assumedRoleUser") is { } u ? JsonFields.StringAt(u, "arn") : null;
                    found.Add(Key(record, CredentialKind.RoleSession, roleKey.KeyId, assumed ?? roleArn, ArnParts.Account(roleArn) ?? account,
                        $"{record.EventName} session {roleKey.KeyId} of {roleArn}") with
                    {
                        RoleArn = roleArn,
                        SessionName = JsonFields.StringAt(request, "roleSessionName"),
                        ExpiresAt = roleKey.Expires,
                    });
                }

                break;
            case ("sts.amazonaws.com", "GetSessionToken"):
                if (Issued(response) is { } sessionKey)
                {
                    found.Add(Key(record, CredentialKind.SessionToken, sessionKey.KeyId, record.UserIdentity.Arn, account,
                        $"session token {sessionKey.KeyId} of {record.UserIdentity.Arn}") with { ExpiresAt = sessionKey.Expires });
                }

                break;
            case ("sts.amazonaws.com", "GetFederationToken"):
                if (Issued(response) is { } federationKey)
                {
                    var federated = JsonFields.ObjectAt(response, "federatedUser") is { } f ? JsonFields.StringAt(f, "arn") : null;
                    found.Add(Key(record, CredentialKind.FederationToken, federationKey.KeyId, federated, account,
                        $"federation token {federationKey.KeyId} for {federated}") with { ExpiresAt = federationKey.Expires });
                }

                break;
            case ("iam.amazonaws.com", "CreateLoginProfile" or "UpdateLoginProfile"):
                {
                    var user = JsonFields.StringAt(request, "userName") ?? record.UserIdentity.UserName;
                    if (UserArn(partition, account, user) is { } arn)
                    {
                        found.Add(Principal(record, CredentialKind.LoginProfile, arn, account, Attribution.Console(arn),
                            $"console password set for IAM user {user}") with { UserName = user });
                    }
                }

                break;
            case ("iam.amazonaws.com", "CreateUser"):
                {
                    var user = JsonFields.StringAt(request, "userName");
                    var arn = (JsonFields.ObjectAt(response, "user") is { } created ? JsonFields.StringAt(created, "arn") : null)
                        ?? UserArn(partition, account, user);
                    if (arn is not null)
                    {
                        found.Add(Principal(record, CredentialKind.IamUser, arn, account, Attribution.Principal(arn),
                            $"IAM user {user} created (it can be given keys and a password)") with { UserName = user });
                    }
                }

                break;
            case ("iam.amazonaws.com", "CreateRole" or "UpdateAssumeRolePolicy"):
                {
                    var name = JsonFields.StringAt(request, "roleName");
                    var arn = (JsonFields.ObjectAt(response, "role") is { } role ? JsonFields.StringAt(role, "arn") : null)
                        ?? (name is null || account is null ? null : $"arn:{partition}:iam::{account}:role/{name}");
                    if (arn is not null)
                    {
                        var why = record.EventName == "CreateRole" ? $"role {name} created" : $"trust policy of role {name} replaced";
                        found.Add(Principal(record, CredentialKind.Role, arn, account, Attribution.CrossAccountAssumeRole(arn), why) with { RoleArn = arn });
                    }
                }

                break;
            case ("ec2.amazonaws.com", "RunInstances") when JsonFields.ObjectAt(request, "iamInstanceProfile") is { } profile:
                {
                    // A name alone is made an ARN so containment can find the role the profile carries.
                    var profileRef = JsonFields.StringAt(profile, "arn")
                        ?? (JsonFields.StringAt(profile, "name") is { } profileName && account is not null
                            ? $"arn:{partition}:iam::{account}:instance-profile/{profileName}"
                            : JsonFields.StringAt(profile, "name"));
                    foreach (var instanceId in JsonFields.AtPath(response, "instancesSet.items[].instanceId"))
                    {
                        found.Add(Principal(record, CredentialKind.Role, profileRef, account, Attribution.SessionOf(instanceId, null),
                            $"instance profile {profileRef} passed to new instance {instanceId}") with { SessionName = instanceId });
                    }
                }

                break;
            case ("ec2.amazonaws.com", "AssociateIamInstanceProfile" or "ReplaceIamInstanceProfileAssociation"):
                foreach (var instanceId in JsonFields.AtPath(request, "instanceId").Concat(JsonFields.AtPath(request, "AssociateIamInstanceProfileRequest.InstanceId")))
                {
                    found.Add(Principal(record, CredentialKind.Role, instanceId, account, Attribution.SessionOf(instanceId, null),
                        $"instance profile associated with instance {instanceId}") with { SessionName = instanceId });
                }

                break;
            case ("lambda.amazonaws.com", var name) when (name.StartsWith("CreateFunction", StringComparison.Ordinal)
                || name.StartsWith("UpdateFunctionConfiguration", StringComparison.Ordinal))
                && JsonFields.StringAt(request, "role") is { } passedRole:
                {
                    var function = ArnParts.Name(JsonFields.StringAt(response, "functionName") ?? JsonFields.StringAt(request, "functionName"));
                    if (function is not null)
                    {
                        found.Add(Principal(record, CredentialKind.Role, passedRole, account, Attribution.SessionOf(function, passedRole),
                            $"role {passedRole} passed to function {function}") with { RoleArn = passedRole, SessionName = function });
                    }
                }

                break;
        }

        return found;
    }

    private static (string KeyId, DateTimeOffset? Expires)? Issued(JsonElement response) =>
        JsonFields.ObjectAt(response, "credentials") is { } credentials && JsonFields.StringAt(credentials, "accessKeyId") is { } keyId
            ? (keyId, JsonFields.TimeAt(credentials, "expiration"))
            : null;

    private static string? UserArn(string partition, string? account, string? user) =>
        user is null || account is null ? null : $"arn:{partition}:iam::{account}:user/{user}";

    private static DerivedCredential Key(CloudTrailRecord record, CredentialKind kind, string keyId, string? principal, string? account, string reason) => new()
    {
        Kind = kind,
        AccessKeyId = keyId,
        PrincipalArn = principal,
        AccountId = account,
        CreatedByEventId = record.EventId,
        CreatedByEventName = record.EventName,
        CreatedAt = record.EventTime,
        Attributions = [Attribution.AccessKey(keyId)],
        Reason = reason,
    };

    private static DerivedCredential Principal(CloudTrailRecord record, CredentialKind kind, string? principal, string? account, Attribution attribution, string reason) => new()
    {
        Kind = kind,
        PrincipalArn = principal,
        AccountId = account,
        CreatedByEventId = record.EventId,
        CreatedByEventName = record.EventName,
        CreatedAt = record.EventTime,
        Attributions = [attribution],
        Reason = reason,
    };
}

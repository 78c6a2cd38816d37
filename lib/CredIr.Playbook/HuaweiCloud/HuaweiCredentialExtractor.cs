using System.Text.Json;
using CredIr.Playbook.Extraction;
using CredIr.Playbook.Trail;

namespace CredIr.Playbook.HuaweiCloud;

/// <summary>
/// The credentials a successful Huawei Cloud CTS trace created or revealed, for the same closure as AWS's: an AK
/// created for a user (createCredential: followed by its AK), an agency's temporary AK (assumeRole: followed by its
/// AK) and a user the actor created (createUser: followed by the user, whose AKs any later call reveals).
/// </summary>
public static class HuaweiCredentialExtractor
{
    /// <summary>A CTS trace read as a record: its eventSource is a Huawei service type (IAM, CTS...), never an AWS host name.</summary>
    public static bool IsHuawei(CloudTrailRecord record) =>
        record.EventSource.Length > 0 && !record.EventSource.Contains('.', StringComparison.Ordinal) && record.EventSource.All(static c => !char.IsAsciiLetterLower(c));

    /// <summary><c>iam::{domain}:user:{name}</c>, Huawei IAM's URN of a user.</summary>
    public static string UserUrn(string domainId, string userName) => $"iam::{domainId}:user:{userName}";

    public static IReadOnlyList<DerivedCredential> Extract(CloudTrailRecord record)
    {
        var request = record.RequestParameters ?? default;
        var response = record.ResponseElements ?? default;
        var domain = record.AccountId;
        switch (record.EventSource, record.EventName)
        {
            case ("IAM", "createCredential") when Credential(response) is { } created && JsonFields.StringAt(created, "access") is { } ak:
                var owner = JsonFields.StringAt(created, "user_id") ?? (JsonFields.ObjectAt(request, "credential") is { } asked ? JsonFields.StringAt(asked, "user_id") : null);
                return [Derived(record, CredentialKind.AccessKey, $"AK {ak} created for IAM user {owner}") with
                {
                    AccessKeyId = ak,
                    AccountId = domain,
                    Attributions = [Attribution.AccessKey(ak)],
                }];
            case ("IAM", "assumeRole") when Credential(response) is { } issued && JsonFields.StringAt(issued, "access") is { } temporary:
                var agency = AgencyName(request);
                return [Derived(record, CredentialKind.RoleSession, $"temporary AK {temporary} of agency {agency}") with
                {
                    AccessKeyId = temporary,
                    AccountId = domain,
                    RoleArn = agency is null || domain is null ? null : $"iam::{domain}:agency:{agency}",
                    SessionName = record.UserIdentity.UserName,
                    ExpiresAt = JsonFields.TimeAt(issued, "expires_at"),
                    Attributions = [Attribution.AccessKey(temporary)],
                }];
            case ("IAM", "createUser") when JsonFields.ObjectAt(response, "user") is { } user && JsonFields.StringAt(user, "name") is { } name && domain is not null:
                var urn = UserUrn(domain, name);
                return [Derived(record, CredentialKind.IamUser, $"IAM user {name} created") with
                {
                    PrincipalArn = urn,
                    UserName = name,
                    AccountId = domain,
                    Attributions = [Attribution.Principal(urn)],
                }];
            default:
                return [];
        }
    }

    private static JsonElement? Credential(JsonElement response) =>
        response.ValueKind == JsonValueKind.Object ? JsonFields.ObjectAt(response, "credential") : null;

    private static string? AgencyName(JsonElement request) =>
        request.ValueKind == JsonValueKind.Object && JsonFields.ObjectAt(request, "auth") is { } auth && JsonFields.ObjectAt(auth, "identity") is { } identity
        && JsonFields.ObjectAt(identity, "assume_role") is { } assume
            ? JsonFields.StringAt(assume, "agency_name")
            : null;

    private static DerivedCredential Derived(CloudTrailRecord record, CredentialKind kind, string reason) => new()
    {
        Kind = kind,
        CreatedByEventId = record.EventId,
        CreatedByEventName = record.EventName,
        CreatedAt = record.EventTime,
        Attributions = [],
        Reason = reason,
    };
}

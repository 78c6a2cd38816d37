using System.Text.Json;
using CredIr.Contracts.V1;

namespace CredIr.Identification.Inputs;

/// <summary>
/// A GuardDuty finding (GetFindings item or EventBridge detail) about an access key:
/// resource.resourceType "AccessKey" with resource.accessKeyDetails naming the key and its principal.
/// </summary>
internal static class GuardDutyFindingParser
{
    public static bool LooksLike(JsonElement e) =>
        e.ValueKind == JsonValueKind.Object && e.Has("resource") && e.Has("service") && e.Has("type") && !e.Has("ProductArn");

    public static ParsedInput Parse(JsonElement finding, string field, string description)
    {
        var resourceType = finding.GetString("resource.resourceType");
        if (!string.Equals(resourceType, "AccessKey", StringComparison.OrdinalIgnoreCase))
        {
            throw new InputValidationException(field,
                $"GuardDuty finding {finding.GetString("id")} is about a resource of type '{resourceType ?? "(none)"}', not an AccessKey; " +
                "CredIr starts from access-key findings (resource.resourceType \"AccessKey\"); give the access key id or principal ARN instead");
        }

        var details = finding.Get("resource.accessKeyDetails")
            ?? throw new InputValidationException(field, "GuardDuty finding has no resource.accessKeyDetails; give the access key id instead");
        var keyId = details.GetString("accessKeyId")
            ?? throw new InputValidationException(field, "GuardDuty finding has no resource.accessKeyDetails.accessKeyId; give the access key id instead");
        if (!AccessKeyIds.IsAccessKeyId(keyId))
        {
            throw new InputValidationException(field,
                $"resource.accessKeyDetails.accessKeyId '{keyId}' is not an access key id (AKIA/ASIA + 16 characters); " +
                "a GuardDuty sample finding has none, give the access key id instead");
        }

        var account = finding.GetString("accountId");
        var region = finding.GetString("region");
        var partition = finding.GetString("partition") ?? PrincipalArn.PartitionOf(region);
        var userType = details.GetString("userType");
        var userName = details.GetString("userName");
        var principalId = details.GetString("principalId");
        var hint = new CredentialHint
        {
            AccessKeyId = keyId,
            PrincipalId = principalId,
            UserName = userName,
            PrincipalType = userType,
            AccountId = account,
            Principal = PrincipalFrom(partition, account, userType, userName, principalId),
        };

        var call = finding.Get("service.action.awsApiCallAction");
        var ip = call?.GetString("remoteIpDetails.ipAddressV4");
        var userAgent = call?.GetString("userAgent") ?? finding.GetString("service.additionalInfo.userAgent.fullUserAgent");
        var api = call?.GetString("api");
        var serviceName = call?.GetString("serviceName");

        return new ParsedInput
        {
            Kind = InputKind.GuarddutyFinding,
            Description = description,
            Credentials = [hint],
            FindingId = finding.GetString("id"),
            FindingType = finding.GetString("type"),
            Title = finding.GetString("title"),
            Severity = finding.GetDouble("severity") ?? 0,
            AccountId = account,
            Region = region,
            FirstSeen = finding.GetTime("service.eventFirstSeen", field),
            FirstSeenField = "GuardDuty service.eventFirstSeen",
            LastSeen = finding.GetTime("service.eventLastSeen", field),
            SourceIps = ip is null ? [] : [ip],
            UserAgents = userAgent is null ? [] : [userAgent],
            ApiCalls = api is null ? [] : [serviceName is null ? api : $"{serviceName.Replace(".amazonaws.com", "", StringComparison.Ordinal)}:{api}"],
        };
    }

    // GuardDuty gives names, not ARNs: rebuild the ARN the name implies (a user's path is unknown until IAM is asked).
    private static PrincipalArn? PrincipalFrom(string partition, string? account, string? userType, string? userName, string? principalId)
    {
        if (account is null)
        {
            return null;
        }

        string? arn = userType switch
        {
            "IAMUser" when userName is not null => $"arn:{partition}:iam::{account}:user/{userName}",
            "Root" => $"arn:{partition}:iam::{account}:root",
            "AssumedRole" when userName is not null && SessionOf(principalId) is { } session => $"arn:{partition}:sts::{account}:assumed-role/{userName}/{session}",
            "FederatedUser" when userName is not null => $"arn:{partition}:sts::{account}:federated-user/{userName}",
            _ => null,
        };
        return arn is not null && PrincipalArn.TryParse(arn, out var parsed, out _) ? parsed : null;
    }

    private static string? SessionOf(string? principalId)
    {
        var colon = principalId?.IndexOf(':', StringComparison.Ordinal) ?? -1;
        return colon > 0 && colon < principalId!.Length - 1 ? principalId[(colon + 1)..] : null;
    }
}

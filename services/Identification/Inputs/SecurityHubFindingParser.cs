using System.Text.Json;
using CredIr.Contracts.V1;

namespace CredIr.Identification.Inputs;

/// <summary>
/// A Security Hub finding in the AWS Security Finding Format: the credential comes from Resources[] of type
/// AwsIamAccessKey (Details.AwsIamAccessKey), AwsIamUser or AwsIamRole. GuardDuty findings imported into
/// Security Hub keep GuardDuty's own fields in ProductFields ("aws/guardduty/service/...").
/// </summary>
internal static class SecurityHubFindingParser
{
    private const string GuardDutyPrefix = "aws/guardduty/service/";

    public static bool LooksLike(JsonElement e) =>
        e.ValueKind == JsonValueKind.Object && e.Has("ProductArn") && (e.Has("SchemaVersion") || e.Has("Resources"));

    public static ParsedInput Parse(JsonElement finding, string field, string description)
    {
        var account = finding.GetString("AwsAccountId");
        var region = finding.GetString("Region") ?? RegionOfProductArn(finding.GetString("ProductArn"));
        var hints = new List<CredentialHint>();
        foreach (var resource in finding.GetArray("Resources"))
        {
            if (HintFrom(resource, account, field) is { } hint)
            {
                hints.Add(hint);
            }
        }

        if (hints.Count == 0)
        {
            throw new InputValidationException(field,
                $"Security Hub finding {finding.GetString("Id")} has no Resources[] of type AwsIamAccessKey, AwsIamUser or AwsIamRole; " +
                "give the access key id or principal ARN instead");
        }

        var fromGuardDuty = finding.Get("ProductFields") is { ValueKind: JsonValueKind.Object } fields
            && fields.EnumerateObject().Any(p => p.Name.StartsWith(GuardDutyPrefix, StringComparison.Ordinal));
        var ip = finding.GetString("Action.AwsApiCallAction.RemoteIpDetails.IpAddressV4")
            ?? ProductField(finding, GuardDutyPrefix + "action/awsApiCallAction/remoteIpDetails/ipAddressV4");
        var api = finding.GetString("Action.AwsApiCallAction.Api") ?? ProductField(finding, GuardDutyPrefix + "action/awsApiCallAction/api");
        var userAgent = ProductField(finding, GuardDutyPrefix + "action/awsApiCallAction/userAgent");
        var (firstSeen, firstSeenField) = FirstSeen(finding, field);

        return new ParsedInput
        {
            Kind = InputKind.SecurityHubFinding,
            Description = fromGuardDuty ? description + " (imported from GuardDuty)" : description,
            Credentials = hints,
            FindingId = finding.GetString("Id"),
            FindingType = FindingType(finding),
            Title = finding.GetString("Title"),
            Severity = Severity(finding),
            AccountId = account,
            Region = region,
            FirstSeen = firstSeen,
            FirstSeenField = firstSeenField,
            LastSeen = finding.GetTime("LastObservedAt", field),
            SourceIps = ip is null ? [] : [ip],
            UserAgents = userAgent is null ? [] : [userAgent],
            ApiCalls = api is null ? [] : [api],
        };
    }

    private static CredentialHint? HintFrom(JsonElement resource, string? findingAccount, string field)
    {
        var type = resource.GetString("Type");
        var id = resource.GetString("Id");
        switch (type)
        {
            case "AwsIamAccessKey":
                var details = resource.Get("Details.AwsIamAccessKey");
                var keyId = details?.GetString("AccessKeyId") ?? AccessKeyIds.FindIn(id)
                    ?? throw new InputValidationException(field,
                        "Security Hub finding's AwsIamAccessKey resource has no access key id (Details.AwsIamAccessKey.AccessKeyId or an Id ending in AKIA.../ASIA...); give the access key id instead");
                var account = details?.GetString("AccountId") ?? findingAccount;
                var principalType = details?.GetString("PrincipalType");
                var name = details?.GetString("PrincipalName") ?? details?.GetString("UserName");
                return new CredentialHint
                {
                    AccessKeyId = keyId,
                    AccountId = account,
                    PrincipalId = details?.GetString("PrincipalId"),
                    PrincipalType = principalType,
                    UserName = name,
                    Status = details?.GetString("Status"),
                    CreatedAt = details?.GetTime("CreatedAt", field),
                    Principal = principalType == "IAMUser" && name is not null && account is not null
                        && PrincipalArn.TryParse($"arn:{PrincipalArn.PartitionOf(resource.GetString("Region"))}:iam::{account}:user/{name}", out var arn, out _) ? arn : null,
                };
            case "AwsIamUser":
            case "AwsIamRole":
                if (!PrincipalArn.TryParse(id, out var principal, out var error))
                {
                    throw new InputValidationException(field, $"Security Hub finding's {type} resource Id {error}");
                }

                return new CredentialHint
                {
                    Principal = principal,
                    AccountId = principal.AccountId,
                    UserName = principal.Kind == PrincipalKind.IamUser ? principal.Name : null,
                    PrincipalType = principal.Kind == PrincipalKind.IamUser ? "IAMUser" : "Role",
                    PrincipalId = resource.GetString(type == "AwsIamUser" ? "Details.AwsIamUser.UserId" : "Details.AwsIamRole.RoleId"),
                };
            default:
                return null;
        }
    }

    private static (DateTimeOffset?, string?) FirstSeen(JsonElement finding, string field)
    {
        if (finding.GetTime("FirstObservedAt", field) is { } first)
        {
            return (first, "Security Hub FirstObservedAt");
        }

        if (ProductField(finding, GuardDutyPrefix + "eventFirstSeen") is { } text
            && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var fromGuardDuty))
        {
            return (fromGuardDuty, "ProductFields aws/guardduty/service/eventFirstSeen");
        }

        return finding.GetTime("CreatedAt", field) is { } created ? (created, "Security Hub CreatedAt (no FirstObservedAt)") : (null, null);
    }

    private static double Severity(JsonElement finding)
    {
        if (finding.GetDouble("Severity.Product") is { } product && finding.GetString("ProductArn")?.Contains("guardduty", StringComparison.Ordinal) == true)
        {
            return product;
        }

        if (finding.GetDouble("Severity.Normalized") is { } normalized)
        {
            return normalized / 10.0;
        }

        return finding.GetString("Severity.Label") switch
        {
            "CRITICAL" => 9.0,
            "HIGH" => 7.0,
            "MEDIUM" => 4.0,
            "LOW" => 1.0,
            _ => 0,
        };
    }

    private static string? FindingType(JsonElement finding) =>
        finding.GetArray("Types").Select(t => t.ValueKind == JsonValueKind.String ? t.GetString() : null).FirstOrDefault(t => t is not null);

    private static string? ProductField(JsonElement finding, string key) =>
        finding.Get("ProductFields") is { ValueKind: JsonValueKind.Object } fields
        && fields.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? RegionOfProductArn(string? productArn)
    {
        var parts = productArn?.Split(':');
        return parts is { Length: > 3 } && parts[3].Length > 0 ? parts[3] : null;
    }
}

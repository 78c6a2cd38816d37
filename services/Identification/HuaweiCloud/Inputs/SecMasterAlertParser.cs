using System.Text.Json;
using CredIr.Contracts.V1;
using CredIr.Identification.Inputs;

namespace CredIr.Identification.HuaweiCloud.Inputs;

/// <summary>
/// A SecMaster alert (SecMaster API: an alert of the alert list or ShowAlert, its fields in <c>data_object</c>): the
/// leaked AK is a <c>resource_list[]</c> entry of an access-key type (the "AKSK Leakage" alerts of the Access Key Leak
/// module), the user from <c>user_info[]</c>, the account from <c>environment.domain_id</c>, and
/// <c>first_observed_time</c> the compromise-time hint.
/// </summary>
internal static class SecMasterAlertParser
{
    // resource_list[].type values naming an access key, compared without case, '-', '_' or spaces.
    private static readonly HashSet<string> AccessKeyTypes = new(StringComparer.OrdinalIgnoreCase) { "ak", "aksk", "accesskey", "iamaccesskey", "credential", "iamcredential" };

    /// <summary>An alert item (<c>data_object</c> with its ids), or the <c>data_object</c> alone (environment and datasource).</summary>
    public static bool LooksLike(JsonElement e) =>
        e.ValueKind == JsonValueKind.Object
        && (e.Get("data_object") is { ValueKind: JsonValueKind.Object } || (e.Has("environment") && (e.Has("datasource") || e.Has("alert_type"))));

    public static ParsedInput Parse(JsonElement alert, string field, string description)
    {
        var data = alert.Get("data_object") is { ValueKind: JsonValueKind.Object } inner ? inner : alert;
        var id = data.GetString("id") ?? alert.GetString("id");
        var domain = data.GetString("environment.domain_id") ?? data.GetString("datasource.domain_id") ?? data.GetString("domain_id");
        var user = data.GetArray("user_info").FirstOrDefault(static u => u.ValueKind == JsonValueKind.Object);
        var userName = user.ValueKind == JsonValueKind.Object ? user.GetString("user_name") : null;
        var keys = AccessKeysOf(data, field);
        if (keys.Count == 0)
        {
            throw new InputValidationException(field,
                $"SecMaster alert {id} names no AK: data_object.resource_list[] has no resource of type AK (its id or name the leaked access key id); " +
                "give access_key_id with provider CLOUD_PROVIDER_HUAWEI_CLOUD instead");
        }

        var (firstSeen, firstSeenField) = HuaweiTimes.FirstSeen(data, field, "SecMaster alert", "first_observed_time", "create_time");
        return new ParsedInput
        {
            Kind = InputKind.SecmasterAlert,
            Provider = CloudProvider.HuaweiCloud,
            Description = description,
            Credentials = [.. keys.Select(key => new CredentialHint { AccessKeyId = key, AccountId = domain, UserName = userName })],
            FindingId = id,
            FindingType = data.GetString("alert_type.alert_type") ?? data.GetString("alert_type.category"),
            Title = data.GetString("title"),
            Severity = Severity(data.GetString("severity")),
            AccountId = domain,
            Region = data.GetString("environment.region_id") ?? data.GetString("datasource.region_id"),
            FirstSeen = firstSeen,
            FirstSeenField = firstSeenField,
            LastSeen = HuaweiTimes.Read(data, "last_observed_time", field),
            SourceIps = [.. data.GetArray("network_list").Select(static n => n.GetString("src_ip")).OfType<string>().Distinct(StringComparer.Ordinal)],
        };
    }

    private static List<string> AccessKeysOf(JsonElement data, string field)
    {
        var keys = new List<string>();
        var index = 0;
        foreach (var resource in data.GetArray("resource_list"))
        {
            var type = resource.GetString("type");
            if (type is not null && AccessKeyTypes.Contains(new string([.. type.Where(char.IsAsciiLetter)])))
            {
                var key = new[] { resource.GetString("id"), resource.GetString("name") }.FirstOrDefault(HuaweiAccessKeys.IsAccessKey)
                    ?? throw new InputValidationException(field,
                        $"data_object.resource_list[{index}] (type {type}) has neither an id nor a name that is an AK ({HuaweiAccessKeys.Shape}); " +
                        "give access_key_id with provider CLOUD_PROVIDER_HUAWEI_CLOUD instead, never the SK");
                if (!keys.Contains(key, StringComparer.Ordinal))
                {
                    keys.Add(key);
                }
            }

            index++;
        }

        return keys;
    }

    // SecMaster's levels (Tips, Low, Medium, High, Fatal) on GuardDuty's 0-10 scale, as the ASFF labels are.
    private static double Severity(string? level) => level?.ToUpperInvariant() switch
    {
        "FATAL" or "CRITICAL" => 9.0,
        "HIGH" => 7.0,
        "MEDIUM" => 4.0,
        "LOW" => 1.0,
        _ => 0,
    };
}

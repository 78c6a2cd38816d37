using System.Text.Json;
using CredIr.Contracts.V1;

namespace CredIr.Identification.Inputs;

/// <summary>
/// An AWS Health event telling the account that an access key was found exposed in public
/// (eventTypeCode AWS_RISK_CREDENTIALS_EXPOSED; affectedEntities[].entityValue is the key id).
/// </summary>
internal static class HealthEventParser
{
    public const string ExposedCode = "AWS_RISK_CREDENTIALS_EXPOSED";

    public static bool LooksLike(JsonElement e) => e.ValueKind == JsonValueKind.Object && e.Has("eventTypeCode");

    public static ParsedInput Parse(JsonElement detail, string? envelopeAccount, string field, string description)
    {
        var code = detail.GetString("eventTypeCode");
        if (code != ExposedCode)
        {
            throw new InputValidationException(field,
                $"looks like an AWS Health event of type {code}, which CredIr does not take; supported: {ExposedCode}");
        }

        var account = detail.GetString("affectedAccount") ?? envelopeAccount;
        var keys = detail.GetArray("affectedEntities")
            .Select(entity => entity.GetString("entityValue"))
            .Where(AccessKeyIds.IsAccessKeyId)
            .Distinct(StringComparer.Ordinal)
            .Select(key => new CredentialHint { AccessKeyId = key, AccountId = account })
            .ToList();
        if (keys.Count == 0)
        {
            throw new InputValidationException(field,
                "AWS Health event has no affectedEntities[].entityValue that is an access key id; give the access key id instead");
        }

        return new ParsedInput
        {
            Kind = InputKind.HealthEvent,
            Description = description,
            Credentials = keys,
            FindingId = detail.GetString("eventArn"),
            FindingType = code,
            Title = "AWS Health: credentials exposed",
            AccountId = account,
            Region = detail.GetString("eventRegion"),
            FirstSeen = detail.GetTime("startTime", field),
            FirstSeenField = "AWS Health startTime",
            LastSeen = detail.GetTime("lastUpdatedTime", field),
        };
    }
}

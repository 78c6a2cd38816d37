using System.Text.Json;
using CredIr.Contracts.V1;

namespace CredIr.Identification.Inputs;

/// <summary>
/// A CloudTrail record of AWS attaching its AWSCompromisedKeyQuarantine (V1, V2 or V3) managed policy to a
/// user, which AWS does when it finds that user's key exposed. The record names the user, not the key.
/// </summary>
internal static class QuarantineEventParser
{
    private const string PolicyPrefix = ":iam::aws:policy/AWSCompromisedKeyQuarantine";

    public static bool LooksLike(JsonElement e) =>
        e.ValueKind == JsonValueKind.Object && e.Has("eventName") && e.Has("eventSource") && e.Has("userIdentity");

    public static ParsedInput Parse(JsonElement record, string field, string description)
    {
        var eventName = record.GetString("eventName");
        var policyArn = record.GetString("requestParameters.policyArn");
        var isQuarantinePolicy = policyArn is not null && policyArn.Contains(PolicyPrefix, StringComparison.Ordinal);
        if (eventName != "AttachUserPolicy" || !isQuarantinePolicy)
        {
            var keyHint = record.GetString("userIdentity.accessKeyId") is { } key ? $"; to start from its caller, give the access key id {key}" : "";
            throw new InputValidationException(field,
                $"looks like a CloudTrail record of {record.GetString("eventSource")} {eventName}, which CredIr does not take as a finding; " +
                $"supported: AttachUserPolicy of arn:aws:iam::aws:policy/AWSCompromisedKeyQuarantine, V2 or V3{keyHint}");
        }

        var userName = record.GetString("requestParameters.userName")
            ?? throw new InputValidationException(field, "quarantine record has no requestParameters.userName; give the user's ARN instead");
        var account = record.GetString("recipientAccountId") ?? record.GetString("userIdentity.accountId")
            ?? throw new InputValidationException(field, "quarantine record has no recipientAccountId; give the user's ARN instead");
        var partition = policyArn!.Split(':')[1];
        var principal = PrincipalArn.Parse($"arn:{partition}:iam::{account}:user/{userName}", field);

        return new ParsedInput
        {
            Kind = InputKind.QuarantinePolicyEvent,
            Description = description,
            Credentials = [new CredentialHint { Principal = principal, UserName = userName, PrincipalType = "IAMUser", AccountId = account }],
            FindingId = record.GetString("eventID"),
            FindingType = "AttachUserPolicy " + policyArn[(policyArn.LastIndexOf('/') + 1)..],
            Title = AttachedByAws(record, account)
                ? $"AWS quarantined IAM user {userName} (exposed access key)"
                : $"{policyArn[(policyArn.LastIndexOf('/') + 1)..]} attached to IAM user {userName}",
            AccountId = account,
            Region = record.GetString("awsRegion"),
            FirstSeen = record.GetTime("eventTime", field),
            FirstSeenField = "CloudTrail eventTime of the quarantine policy attachment",
        };
    }

    // AWS's own attachment comes from an AWS service principal or another (AWS-owned) account.
    private static bool AttachedByAws(JsonElement record, string account) =>
        record.GetString("userIdentity.type") == "AWSService"
        || record.Has("userIdentity.invokedBy")
        || (record.GetString("userIdentity.accountId") is { } caller && caller != account);
}

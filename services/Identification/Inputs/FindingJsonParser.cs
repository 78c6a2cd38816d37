using System.Text;
using System.Text.Json;
using CredIr.Identification.Evidence;
using CredIr.Identification.HuaweiCloud.Inputs;
using SecretScrubber = CredIr.Playbook.Trail.SecretScrubber;

namespace CredIr.Identification.Inputs;

/// <summary>Detects which kind of finding or event a JSON document is, from its shape, and parses it.</summary>
internal static class FindingJsonParser
{
    public const string Field = "finding_json";

    private const string Supported =
        "supported: a GuardDuty finding (resource.accessKeyDetails), a Security Hub ASFF finding, an AWS Health AWS_RISK_CREDENTIALS_EXPOSED event, " +
        "a CloudTrail record attaching AWSCompromisedKeyQuarantine*, or an EventBridge event wrapping any of these; " +
        "on Huawei Cloud a SecMaster alert (data_object.resource_list[] naming the AK) or a CTS key-event notification (a trace, or the SMN message carrying it)";

    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64, AllowTrailingCommas = false };

    public static ParsedInput Parse(string json, int maxBytes)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            throw new InputValidationException(Field, "is empty; paste the finding or event JSON");
        }

        var size = Encoding.UTF8.GetByteCount(json);
        if (size > maxBytes)
        {
            throw new InputValidationException(Field,
                $"is {size} bytes, more than the {maxBytes} allowed (Identification:MaxInputBytes); send the one finding, not a whole export");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException ex)
        {
            throw new InputValidationException(Field, $"is not valid JSON (line {ex.LineNumber + 1}, byte {ex.BytePositionInLine + 1}); paste the finding or event exactly as exported");
        }

        using (document)
        {
            var parsed = Detect(document.RootElement);
            return parsed with { RawJson = parsed.RawJson ?? SecretScrubber.Scrub(document.RootElement) };
        }
    }

    private static ParsedInput Detect(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            throw new InputValidationException(Field, $"is a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not an object; {Supported}");
        }

        if (HuaweiShape(root) is { } huawei)
        {
            return huawei;
        }

        if (root.Has("detail-type") && root.Has("detail"))
        {
            return FromEnvelope(root);
        }

        if (root.Get("Findings") is { ValueKind: JsonValueKind.Array } findings)
        {
            return FromList(findings, "finding list");
        }

        return FromItem(root, null, null);
    }

    // Huawei Cloud's shapes share no member names with AWS's, so they are told apart before the AWS ones.
    private static ParsedInput? HuaweiShape(JsonElement root)
    {
        if (CtsKeyEventParser.LooksLikeSmnMessage(root))
        {
            return CtsKeyEventParser.ParseSmnMessage(root, Field);
        }

        if (CtsKeyEventParser.LooksLikeTrace(root))
        {
            return CtsKeyEventParser.ParseTrace(root, Field, "CTS key-event notification (trace)");
        }

        // SecMaster's ShowAlert answer ({"data": alert}) and its alert list ({"data": [alert]}).
        var alert = root.Get("data") switch
        {
            { ValueKind: JsonValueKind.Object } one => one,
            { ValueKind: JsonValueKind.Array } list when list.GetArrayLength() == 1 => list[0],
            { ValueKind: JsonValueKind.Array } list when list.GetArrayLength() > 1 && list.EnumerateArray().All(SecMasterAlertParser.LooksLike) =>
                throw new InputValidationException(Field, $"is a SecMaster alert list of {list.GetArrayLength()} alerts; send the one alert about the leaked AK"),
            _ => root,
        };
        return SecMasterAlertParser.LooksLike(alert) ? SecMasterAlertParser.Parse(alert, Field, "SecMaster alert") : null;
    }

    private static ParsedInput FromEnvelope(JsonElement envelope)
    {
        var detailType = envelope.GetString("detail-type");
        var detail = envelope.Get("detail")!.Value;
        var account = envelope.GetString("account");
        var parsed = detailType switch
        {
            "GuardDuty Finding" => GuardDutyFindingParser.Parse(detail, Field, "GuardDuty finding in an EventBridge event"),
            "Security Hub Findings - Imported" or "Security Hub Findings - Custom Action" =>
                FromList(detail.Get("findings") ?? throw new InputValidationException(Field, "Security Hub EventBridge event has no detail.findings[]; send the finding itself"),
                    "Security Hub finding in an EventBridge event"),
            "AWS Health Event" => HealthEventParser.Parse(detail, account, Field, "AWS Health event in an EventBridge event"),
            "AWS API Call via CloudTrail" => QuarantineEventParser.Parse(detail, Field, "CloudTrail record in an EventBridge event"),
            _ => throw new InputValidationException(Field,
                $"looks like an EventBridge event with detail-type '{detailType}' (source {envelope.GetString("source")}), which CredIr does not take; {Supported}"),
        };
        return parsed with
        {
            AccountId = parsed.AccountId ?? account,
            Region = parsed.Region ?? envelope.GetString("region"),
        };
    }

    private static ParsedInput FromList(JsonElement findings, string what)
    {
        if (findings.ValueKind != JsonValueKind.Array || findings.GetArrayLength() == 0)
        {
            throw new InputValidationException(Field, $"{what} has no findings; send one finding");
        }

        // Several findings of one alert (e.g. one per key) become one input: the first gives the finding
        // fields, all give credentials, and the earliest first-seen time wins.
        var parsed = findings.EnumerateArray().Select((item, i) => FromItem(item, what, i)).ToList();
        var first = parsed[0];
        var earliest = parsed.Where(p => p.FirstSeen is not null).MinBy(p => p.FirstSeen);
        return first with
        {
            Credentials = parsed.SelectMany(p => p.Credentials).DistinctBy(c => (c.AccessKeyId, c.Principal?.Value)).ToList(),
            FirstSeen = earliest?.FirstSeen ?? first.FirstSeen,
            FirstSeenField = earliest?.FirstSeenField ?? first.FirstSeenField,
            SourceIps = parsed.SelectMany(p => p.SourceIps).Distinct(StringComparer.Ordinal).ToList(),
            UserAgents = parsed.SelectMany(p => p.UserAgents).Distinct(StringComparer.Ordinal).ToList(),
            ApiCalls = parsed.SelectMany(p => p.ApiCalls).Distinct(StringComparer.Ordinal).ToList(),
        };
    }

    private static ParsedInput FromItem(JsonElement item, string? container, int? index)
    {
        var where = container is null ? "" : $" ({container} item {index})";
        if (SecurityHubFindingParser.LooksLike(item))
        {
            return SecurityHubFindingParser.Parse(item, Field, "Security Hub (ASFF) finding" + where);
        }

        if (GuardDutyFindingParser.LooksLike(item))
        {
            return GuardDutyFindingParser.Parse(item, Field, "GuardDuty finding" + where);
        }

        if (HealthEventParser.LooksLike(item))
        {
            return HealthEventParser.Parse(item, null, Field, "AWS Health event" + where);
        }

        if (QuarantineEventParser.LooksLike(item))
        {
            return QuarantineEventParser.Parse(item, Field, "CloudTrail record" + where);
        }

        if (item.Get("Records") is { ValueKind: JsonValueKind.Array })
        {
            throw new InputValidationException(Field,
                "looks like a CloudTrail log file (Records[]), which CredIr does not take as a finding; send the one AttachUserPolicy record, or the access key id; " + Supported);
        }

        throw new InputValidationException(Field,
            "is JSON CredIr does not recognise (no detail-type, ProductArn, resource/service, eventTypeCode or eventName)" + where + "; " + Supported);
    }
}
